package org.pettycoin.chainstate;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Interests;
import org.pettycoin.consensus.ClaimRule;
import org.pettycoin.consensus.InputChecks;
import org.pettycoin.consensus.InputVerdict;
import org.pettycoin.consensus.RefVerdict;
import org.pettycoin.consensus.Rewards;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxOrdering;
import org.pettycoin.consensus.TxOutputs;
import org.pettycoin.consensus.TxSlot;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.Proof;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxRefHash;
import org.pettycoin.protocol.TxWithProof;

/**
 * Putting txs and hashes into block slots (C's check_block.c check_tx_inputs_and_refs and
 * put_tx_in_shard, recv_block.c try_resolve_hash): input, double-spend, ref and order checks that
 * raise complaints, resolving hash-only slots from txs held elsewhere, and what a placed tx sets
 * off (rechecks of its spenders, all-known blocks, prev_txhashes bytes, the event). Part of
 * {@link ChainState}; node thread only.
 */
final class TxPlacement {
    /** Applies a complaint raised here (ChainState's publish_complaint). */
    @FunctionalInterface
    interface Publisher {
        void publish(ComplaintBuilder.Raised raised, Wants wants);
    }

    private final BlockTree tree;
    private final TxStore store;
    private final ComplaintBuilder complaints;
    private final PendingPool pending;
    private final PrevTxhashChecks prevTxhashes;
    private final EventLog log;
    private final LongSupplier nowSeconds;
    private final Publisher publisher;
    private final Interests interests;
    private final int knownFeatures;

    TxPlacement(
            BlockTree tree,
            TxStore store,
            ComplaintBuilder complaints,
            PendingPool pending,
            PrevTxhashChecks prevTxhashes,
            EventLog log,
            LongSupplier nowSeconds,
            Publisher publisher,
            Interests interests,
            int knownFeatures) {
        this.tree = tree;
        this.store = store;
        this.complaints = complaints;
        this.pending = pending;
        this.prevTxhashes = prevTxhashes;
        this.log = log;
        this.nowSeconds = nowSeconds;
        this.publisher = publisher;
        this.interests = interests;
        this.knownFeatures = knownFeatures;
    }

    boolean putHash(TxSlot slot, TxRefHash hash, Optional<Proof> proof) {
        boolean stored = store.putHash(slot, hash, proof);
        if (stored) {
            pendingSeesChangeIn(slot.block());
        }
        return stored;
    }

    /**
     * C rechecks pending after a hash or tx lands in any block. Only blocks on the mining chain can
     * change what pending admits (a head move elsewhere marks the recheck itself), so we skip the
     * O(pending) recheck for the rest: during a long sync that is nearly every packet.
     */
    void pendingSeesChangeIn(BlockNode b) {
        if (b.precedes(tree.heads().longestKnowns().get(0))) {
            pending.markForRecheck();
        }
    }

    /**
     * {@code try_resolve_hash}: a hash-only slot whose tx we hold elsewhere (pending or another
     * block) is filled if the refs it would have here hash to the slot's refhash. C then skips the
     * input checks for this block (docs/c-differences.md #17); we run the same placement as for a
     * received tx, so a bad block is caught whichever way its txs arrive.
     */
    boolean tryResolve(TxSlot slot, Wants wants) {
        TxRefHash hash =
                store.shard(slot.block(), slot.shard()).hash(slot.txoff()).orElseThrow();
        Optional<Tx> tx = store.anyFullCopy(hash.txid());
        if (tx.isEmpty()) {
            return false;
        }
        Optional<List<InputRef>> refs =
                InputChecks.createRefs(store, slot.block(), tx.get(), 0, nowSeconds.getAsLong());
        if (refs.isEmpty() || !TxHashes.refhash(refs.get()).equals(hash.refhash())) {
            return false;
        }
        Optional<Proof> proof = store.proofOf(slot);
        if (proof.isEmpty()) {
            return false;
        }
        place(slot, new TxWithProof(proof.get(), tx.get(), refs.get()), hash, wants);
        return store.shard(slot.block(), slot.shard()).full(slot.txoff());
    }

    /**
     * What C's check_tx_inputs_and_refs, check_tx_ordering and put_tx_in_shard do with a tx whose
     * proof, refs and stand-alone checks passed: inputs, then ref contents, then order, then the
     * slot.
     */
    void place(TxSlot slot, TxWithProof p, TxRefHash hash, Wants wants) {
        BlockNode b = slot.block();
        // C's check_block.c check_tx_inputs_and_refs asks about unknown inputs only in shards it is
        // interested in; a tx of another shard (one paying into ours) is taken as far as we can check it.
        boolean ours =
                interests.holdsBlockShard(slot.shard(), b.block().header().shardOrder());
        InputVerdict v = InputChecks.check(store, b, Optional.empty(), p.tx(), ClaimRule.inBlock(b, knownFeatures));
        if (v.refused()) {
            Optional<ComplaintBuilder.Raised> c = complaints.forInputs(b, p, v);
            if (c.isEmpty()) {
                return;
            }
            publisher.publish(c.get(), wants);
            if (c.get().against() == b) {
                return;
            }
            // The other spend sat in a descendant: that block is the bad one, this tx is fine.
        } else if (v.kind() == InputVerdict.Kind.UNKNOWN && ours) {
            wantUnknownInputs(b, p.tx(), wants);
        }
        RefVerdict r = InputChecks.checkRefContents(store, b, p.tx(), p.refs());
        if (r.kind() == RefVerdict.Kind.BAD_HASH) {
            TxSlot referred = refSlot(b, p.refs().get(r.input()));
            Optional<ComplaintBuilder.Raised> c = complaints.forBadRef(b, p, r.input(), referred);
            if (c.isPresent()) {
                publisher.publish(c.get(), wants);
            } else if (ours) {
                wants.slots.add(referred.position());
            }
            return;
        }
        if (r.kind() == RefVerdict.Kind.UNKNOWN && v.ok() && ours) {
            wants.slots.add(refSlot(b, p.refs().get(r.input())).position());
        }
        ShardSlots slots = store.shard(b, slot.shard());
        Optional<Integer> below = slots.fullBelow(slot.txoff());
        Optional<Integer> above = slots.fullAbove(slot.txoff());
        if (TxOrdering.misordered(below.flatMap(slots::tx), p.tx(), above.flatMap(slots::tx))) {
            boolean belowBad = below.flatMap(slots::tx)
                    .map(t -> TxOrdering.misordered(Optional.of(t), p.tx(), Optional.empty()))
                    .orElse(false);
            int neighbour = belowBad ? below.get() : above.orElseThrow();
            complaints
                    .forMisorder(b, p, new TxSlot(b, slot.shard(), neighbour))
                    .ifPresent(c -> publisher.publish(c, wants));
            return;
        }
        putTxInShard(slot, p, hash, wants);
    }

    private static TxSlot refSlot(BlockNode b, InputRef ref) {
        return new TxSlot(b.ancestor(ref.blocksAgo()).orElseThrow(), ref.shard(), ref.txoff());
    }

    void wantUnknownInputs(BlockNode b, Tx tx, Wants wants) {
        for (Input in : tx.inputs()) {
            if (store.findInChain(b, in.txid()).map(k -> !k.full()).orElse(true) && !pending.contains(in.txid())) {
                wants.txs.add(in.txid());
            }
        }
    }

    /** {@code put_tx_in_shard} (C's check_block.c). */
    void putTxInShard(TxSlot slot, TxWithProof p, TxRefHash hash, Wants wants) {
        BlockNode b = slot.block();
        store.putTx(slot, p.tx(), p.refs(), hash, Optional.of(p.proof()));
        recheckSpendersOf(hash.txid(), p.tx(), wants);
        if (b.invalid()) {
            return;
        }
        ShardSlots slots = store.shard(b, slot.shard());
        if (slots.allKnown()) {
            prevTxhashes.recheckCovering(b, slot.shard());
        }
        markIfKnown(b);
        pendingSeesChangeIn(b);
        log.add(new ChainEvent.TxPlaced(b, complaints.proven(slot).orElse(p), log.origin()));
    }

    /**
     * A valid block whose shards are now known for our interests (all txs of ours, all hashes of
     * the rest) counts as known: it may move {@code longest_knowns}.
     */
    void markIfKnown(BlockNode b) {
        if (!b.allKnown() && !b.invalid() && store.known(b, interests)) {
            tree.markAllKnown(b);
        }
    }

    /**
     * {@code check_resolved_txs}: txs spending an output of a tx just placed may now be checkable,
     * or now double spends. Pending ones wait for the recheck; in-block ones are judged again with
     * their own slot excluded. CLAIM inputs name output num_outputs+1 and so, as in C, are not
     * rechecked here (C's check_block.c check_resolved_txs) where C's claim rule applies; where
     * Feature.REWARDS is active they are, so that a claim placed before its reward tx was known is
     * still judged, and a second claim of one reward is still found as a double spend.
     */
    void recheckSpendersOf(Hash256 txid, Tx tx, Wants wants) {
        for (int k = 0; k < TxOutputs.numOutputs(tx); k++) {
            recheckSpendersOf(new Outpoint(txid, k), wants, false);
        }
        recheckSpendersOf(new Outpoint(txid, Rewards.claimOutput(tx)), wants, true);
    }

    private void recheckSpendersOf(Outpoint spent, Wants wants, boolean claims) {
        for (Hash256 spender : List.copyOf(store.spenderTxids(spent))) {
            if (pending.contains(spender)) {
                pending.markForRecheck();
            }
            for (TxSlot s : List.copyOf(store.slotsOf(spender))) {
                if (!claims || ClaimRule.inBlock(s.block(), knownFeatures).paysRewards()) {
                    recheckPlaced(s, wants);
                }
            }
        }
    }

    void recheckPlaced(TxSlot s, Wants wants) {
        if (s.block().invalid()) {
            return;
        }
        Optional<TxWithProof> proven = complaints.proven(s);
        if (proven.isEmpty()) {
            return;
        }
        InputVerdict v = InputChecks.check(
                store, s.block(), Optional.of(s), proven.get().tx(), ClaimRule.inBlock(s.block(), knownFeatures));
        if (v.refused()) {
            complaints.forInputs(s.block(), proven.get(), v).ifPresent(c -> publisher.publish(c, wants));
        }
    }
}
