package org.pettycoin.mining;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Timestamps;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Hash256;

/**
 * A block to mine on the node's mining head (C's generating.c exec_generator): version 1, the
 * operator's feature votes ({@code --vote}, only of features this node knows; C's generator always
 * votes 0, pettycoin-generate.c), the parent's shard order, prev_txhashes for our reward address, prevs, the required difficulty, and
 * the pending pool's ready txs (C's pending.c) in their home shards, canonical order, with refs for
 * this block. Only the nonces and the timestamp are left to the workers.
 *
 * <p>Built on the node thread. {@link #parent} and {@link #pending} are for the node thread only;
 * workers read {@link #block} and {@link #minTimestamp}, which are immutable.
 *
 * @param parent the mining head it was built on (node thread only)
 * @param parentId its id, for any thread
 * @param block the unsolved block (nonce2 zero, timestamp = minTimestamp, nonce1 0)
 * @param shards its txs with their refs, shard by shard
 * @param minTimestamp the smallest timestamp the child of {@code parent} may carry: the median of
 *     the last 11 blocks plus one (C's timestamp.c), or 0 right after genesis
 * @param pending the pool's ready txs the template was built from, to tell when they change
 */
public record Template(
        BlockNode parent,
        Hash256 parentId,
        Block block,
        List<List<TxAndRefs>> shards,
        long minTimestamp,
        List<List<PendingPool.Ready>> pending) {
    public Template {
        List<List<TxAndRefs>> copy = new ArrayList<>(shards.size());
        shards.forEach(s -> copy.add(List.copyOf(s)));
        shards = List.copyOf(copy);
        List<List<PendingPool.Ready>> readyCopy = new ArrayList<>(pending.size());
        pending.forEach(s -> readyCopy.add(List.copyOf(s)));
        pending = List.copyOf(readyCopy);
    }

    /** The template for a child of {@code state}'s mining head paying {@code rewardTo}, voting for nothing. */
    public static Template build(ChainState state, Address rewardTo) {
        return build(state, rewardTo, 0);
    }

    /**
     * The same, voting for the features among {@code votes} that {@code state} knows: a vote for a
     * rule this node would not apply once active is never cast.
     */
    public static Template build(ChainState state, Address rewardTo, int votes) {
        BlockNode parent = state.miningHead();
        List<List<PendingPool.Ready>> ready = state.pending().forNextBlock();
        List<List<TxAndRefs>> shards = new ArrayList<>(ready.size());
        for (List<PendingPool.Ready> shard : ready) {
            shards.add(shard.stream().map(r -> new TxAndRefs(r.tx(), r.refs())).toList());
        }
        long min = minTimestampAfter(parent);
        Block block = ChainBuilder.on(state, rewardTo)
                .voting(votes & state.knownFeatures())
                .template(parent, min, shards);
        return new Template(parent, parent.id(), block, shards, min, ready);
    }

    /** Median of the last 11 (genesis not counting) plus one; 0 when only genesis precedes. */
    static long minTimestampAfter(BlockNode parent) {
        OptionalLong median = Timestamps.medianBefore(parent);
        return median.isPresent() ? median.getAsLong() + 1 : 0;
    }

    /**
     * The timestamp to mine with when the clock reads {@code now}: {@code max(now, median + 1)}, so
     * a clock behind the chain never makes a block that fails the median rule (docs/c-differences.md #6).
     */
    public long timestamp(long now) {
        return Math.max(now, minTimestamp);
    }

    /**
     * Whether a block carrying {@link #timestamp(long)} would be too far ahead of {@code now} (the
     * chain's median is more than 2 hours ahead of our clock): mining then only makes rejected blocks.
     */
    public boolean aheadOfClock(long now) {
        return timestamp(now) >= now + Timestamps.MAX_FUTURE_SECS;
    }

    /** Every tx in the block. */
    public int txCount() {
        return shards.stream().mapToInt(List::size).sum();
    }

    /** Whether the pool's ready txs are those this template was built from, with the same refs. */
    public boolean samePending(List<List<PendingPool.Ready>> now) {
        if (now.size() != pending.size()) {
            return false;
        }
        for (int s = 0; s < now.size(); s++) {
            List<PendingPool.Ready> a = pending.get(s);
            List<PendingPool.Ready> b = now.get(s);
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).txid().equals(b.get(i).txid())
                        || !a.get(i).refs().equals(b.get(i).refs())) {
                    return false;
                }
            }
        }
        return true;
    }
}
