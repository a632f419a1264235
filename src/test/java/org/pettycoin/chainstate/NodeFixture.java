package org.pettycoin.chainstate;

import java.util.ArrayList;
import java.util.List;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.mining.MinedBlock;
import org.pettycoin.mining.TxAndRefs;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.Tx;
import org.pettycoin.time.ManualClock;

/**
 * A regtest chain state with a clock that follows the chain and a builder mining into it (keys and
 * txs come from {@code org.pettycoin.testing}): the bench for consensus tests of contents, inputs and pending.
 */
final class NodeFixture {
    static final Address MINER = Address.fromHex("44".repeat(20));

    /** The chain's time: set as blocks are mined, so that each is inside the horizon. */
    final ManualClock clock = new ManualClock(Network.REGTEST.genesisTimestamp() + 60);

    final List<String> events = new ArrayList<>();
    final ChainState state;
    /** The way in that records events (and hands them to {@code next}): what a node's loop would do. */
    final NodeLoop input;

    final ChainBuilder builder;

    NodeFixture() {
        this(ChainState.Config.DEFAULT);
    }

    NodeFixture(ChainState.Config config) {
        this(config, events -> {});
    }

    /** A fixture whose inputs' events go to {@code next} (say, a journal), and are recorded. */
    NodeFixture(ChainState.Config config, EventSink next) {
        state = new ChainState(Network.REGTEST, config, clock::unixSeconds, clock::unixMillis);
        input = new NodeLoop(state, next);
        input.addSink(batch -> {
            for (ChainEvent e : batch) {
                if (e instanceof ChainEvent.TxPlaced t) {
                    events.add("placed " + t.block().height() + "/"
                            + t.proven().proof().position().shard() + "/"
                            + t.proven().proof().position().txoff());
                } else if (e instanceof ChainEvent.BlockInvalidated i) {
                    events.add("invalid " + i.block().height() + " "
                            + i.complaint().type().cName());
                }
            }
        });
        builder = ChainBuilder.on(input, MINER);
    }

    BlockNode head() {
        return state.miningHead();
    }

    long nextTime(BlockNode parent) {
        long t = parent.block().tailer().timestamp() + ChainBuilder.DEFAULT_SPACING_SECS;
        clock.setUnixSeconds(Math.max(clock.unixSeconds(), t + 60));
        return t;
    }

    /** Mines a valid child of {@code parent} holding {@code txs} (refs made against {@code parent}). */
    BlockNode mine(BlockNode parent, Tx... txs) {
        return builder.mine(parent, nextTime(parent), withRefs(parent, txs));
    }

    /** Builds (without feeding) a child of {@code parent} holding {@code txs} in their home shards. */
    MinedBlock build(BlockNode parent, Tx... txs) {
        return builder.build(parent, nextTime(parent), ChainBuilder.placeByShard(withRefs(parent, txs)));
    }

    List<TxAndRefs> withRefs(BlockNode parent, Tx... txs) {
        List<TxAndRefs> out = new ArrayList<>();
        for (Tx tx : txs) {
            out.add(builder.withRefs(parent, tx));
        }
        return out;
    }

    /** Refs for {@code tx} in a child of {@code parent}, found through the chain's index. */
    List<InputRef> refsFor(BlockNode parent, Tx tx) {
        return builder.withRefs(parent, tx).refs();
    }

    /** Hands a built block to the state as a peer would: block, shards, then each tx. */
    List<ContentResult> feed(MinedBlock mined) {
        input.processBlock(ReceivedBlock.of(mined.block()), BlockFlags.PEER, Origin.LOCAL);
        List<ContentResult> results = new ArrayList<>();
        mined.shardPackets().forEach(p -> results.add(input.receiveShard(p, Origin.LOCAL)));
        mined.provenTxs().forEach(t -> results.add(input.receiveTxInBlock(t, Origin.LOCAL)));
        return results;
    }
}
