package org.pettycoin.chainstate;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Interests;
import org.pettycoin.consensus.MerkleTree;
import org.pettycoin.consensus.RefChecks;
import org.pettycoin.consensus.TxChecks;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxSlot;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.HashesInBlockPacket;
import org.pettycoin.protocol.Position;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.protocol.TxRefHash;
import org.pettycoin.protocol.TxWithProof;

/**
 * The contents of blocks as they come (C's recv_block.c recv_shard, recv_tx.c recv_tx): a shard's
 * hashes, one slot's hash with its proof, or a tx with its refs and proof, each checked against the
 * block's header and put in its slots by {@link TxPlacement}, and the result told as a
 * {@link ContentResult} with what is still wanted. Part of {@link ChainState}, which checks the
 * owner thread and opens the event log before it calls in.
 */
final class ShardIntake {
    private final BlockTree tree;
    private final TxStore store;
    private final TxPlacement placement;
    private final TxChecks txChecks;
    private final Interests interests;
    private final EventLog log;
    private final Function<BlockNode, Optional<ComplaintPacket>> complaintOf;
    private final Runnable afterEvent;

    ShardIntake(
            BlockTree tree,
            TxStore store,
            TxPlacement placement,
            TxChecks txChecks,
            Interests interests,
            EventLog log,
            Function<BlockNode, Optional<ComplaintPacket>> complaintOf,
            Runnable afterEvent) {
        this.tree = tree;
        this.store = store;
        this.placement = placement;
        this.txChecks = txChecks;
        this.interests = interests;
        this.log = log;
        this.complaintOf = complaintOf;
        this.afterEvent = afterEvent;
    }

    /** PKT_SHARD: every txrefhash of one shard. */
    ContentResult shard(ShardPacket p) {
        return inValidBlock(p.block(), b -> shardInto(b, p));
    }

    /** PKT_HASHES_IN_BLOCK: one slot's txrefhash with its proof. */
    ContentResult hashInBlock(HashesInBlockPacket p) {
        return inValidBlock(p.proof().position().block(), b -> hashInto(b, p));
    }

    /** PKT_TX_IN_BLOCK: check_tx, check_refs, check_proof, then placement. */
    ContentResult txInBlock(TxWithProof p) {
        // C processes these even for an invalid block (docs/c-differences.md #19); we answer with the complaint.
        return inValidBlock(p.proof().position().block(), b -> txInto(b, p));
    }

    private ContentResult shardInto(BlockNode b, ShardPacket p) {
        if (p.shard() >= b.block().numShards()) {
            return new ContentResult.Refused(ErrorCode.BAD_SHARDNUM);
        }
        int size = b.block().numTxs(p.shard());
        if (size == 0 || p.hashes().size() != size) {
            return new ContentResult.Refused(ErrorCode.INVALID_LEN);
        }
        if (!MerkleTree.root(p.hashes()).equals(b.block().merkles().get(p.shard()))) {
            return new ContentResult.Refused(ErrorCode.BAD_MERKLE);
        }
        Wants wants = new Wants();
        boolean stored = false;
        for (int i = 0; i < size; i++) {
            stored |= placement.putHash(new TxSlot(b, p.shard(), i), p.hashes().get(i), Optional.empty());
        }
        ShardSlots slots = store.shard(b, p.shard());
        boolean ours = interests.holdsBlockShard(p.shard(), b.block().header().shardOrder());
        for (int i = 0; i < size && !b.invalid(); i++) {
            // A slot of a shard we do not hold is filled only from a tx we have anyway.
            if (slots.hashOnly(i) && !placement.tryResolve(new TxSlot(b, p.shard(), i), wants) && ours) {
                wants.slots.add(new Position(b.id(), p.shard(), i));
            }
        }
        if (stored) {
            afterHashes(b, p.shard(), wants);
        }
        return finish(stored, wants);
    }

    private ContentResult hashInto(BlockNode b, HashesInBlockPacket p) {
        Position pos = p.proof().position();
        if (!MerkleTree.check(p.proof(), p.hashes(), b.block())) {
            return new ContentResult.Refused(ErrorCode.BAD_PROOF);
        }
        TxSlot slot = new TxSlot(b, pos.shard(), pos.txoff());
        Wants wants = new Wants();
        if (!placement.putHash(slot, p.hashes(), Optional.of(p.proof()))) {
            return finish(false, wants);
        }
        if (!placement.tryResolve(slot, wants)
                && interests.holdsBlockShard(pos.shard(), b.block().header().shardOrder())) {
            wants.slots.add(pos);
        }
        afterHashes(b, pos.shard(), wants);
        return finish(true, wants);
    }

    private ContentResult txInto(BlockNode b, TxWithProof p) {
        try {
            txChecks.check(p.tx(), b.block().header().shardOrder());
            RefChecks.checkRefs(b, p.refs());
        } catch (ProtocolException e) {
            return new ContentResult.Refused(e.code());
        }
        TxRefHash hash = TxHashes.txRefHash(p.tx(), p.refs());
        if (!MerkleTree.check(p.proof(), hash, b.block())) {
            return new ContentResult.Refused(ErrorCode.BAD_PROOF);
        }
        return placeChecked(b, p, hash);
    }

    /**
     * New hashes in a shard: the block may now be known for our interests, and once a shard we do
     * not hold has every hash, what of it pays into ours is asked for by TXMAP (C's recv_block.c
     * get_block_contents).
     */
    private void afterHashes(BlockNode b, int shard, Wants wants) {
        if (b.invalid()) {
            return;
        }
        placement.markIfKnown(b);
        ShardSlots slots = store.shard(b, shard);
        if (!interests.holdsBlockShard(shard, b.block().header().shardOrder())
                && slots.allHashes()
                && !slots.allKnown()) {
            wants.txMaps.add(new BlockShard(b.id(), shard));
        }
    }

    private ContentResult placeChecked(BlockNode b, TxWithProof p, TxRefHash hash) {
        Position pos = p.proof().position();
        TxSlot slot = new TxSlot(b, pos.shard(), pos.txoff());
        Wants wants = new Wants();
        if (store.shard(b, pos.shard()).full(pos.txoff())) {
            return finish(false, wants);
        }
        placement.place(slot, p, hash, wants);
        return finish(true, wants);
    }

    /**
     * Runs {@code then} on the block with this id if we hold it and it is valid; otherwise the block
     * is to be asked for, or the sender is to be answered with its complaint.
     */
    private ContentResult inValidBlock(Hash256 id, java.util.function.Function<BlockNode, ContentResult> then) {
        Optional<BlockNode> found = tree.find(id);
        if (found.isEmpty()) {
            return new ContentResult.UnknownBlock(id);
        }
        return found.get().invalid() ? blockInvalid(found.get()) : then.apply(found.get());
    }

    private ContentResult blockInvalid(BlockNode b) {
        return new ContentResult.BlockInvalid(complaintOf.apply(b), log.take());
    }

    /** The result once contents are taken in: a complaint they raised outranks whether they were new. */
    ContentResult finish(boolean stored, Wants wants) {
        afterEvent.run();
        List<Hash256> txs = List.copyOf(wants.txs);
        List<BlockShard> maps = List.copyOf(wants.txMaps);
        if (wants.complaint.isPresent()) {
            return new ContentResult.Complained(wants.complaint.get(), txs, wants.slots, maps, log.take());
        }
        return stored
                ? new ContentResult.Stored(txs, wants.slots, maps, log.take())
                : new ContentResult.AlreadyKnown(txs, wants.slots, maps, log.take());
    }
}
