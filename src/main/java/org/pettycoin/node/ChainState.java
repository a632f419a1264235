package org.pettycoin.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.ChainListener;
import org.pettycoin.chain.Network;
import org.pettycoin.chain.PrevTxhashes;
import org.pettycoin.consensus.ComplaintChecks;
import org.pettycoin.consensus.ComplaintVerdict;
import org.pettycoin.consensus.InputChecks;
import org.pettycoin.consensus.InputVerdict;
import org.pettycoin.consensus.KnownTx;
import org.pettycoin.consensus.MerkleTree;
import org.pettycoin.consensus.RefChecks;
import org.pettycoin.consensus.RefVerdict;
import org.pettycoin.consensus.TxChecks;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxNotice;
import org.pettycoin.consensus.TxOrdering;
import org.pettycoin.consensus.TxOutputs;
import org.pettycoin.consensus.TxSlot;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.ComplainDoublespendPacket;
import org.pettycoin.protocol.ComplainTxBadAmountPacket;
import org.pettycoin.protocol.ComplainTxBadInputPacket;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.HashesInBlockPacket;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.Position;
import org.pettycoin.protocol.Proof;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;
import org.pettycoin.protocol.TxRefHash;
import org.pettycoin.protocol.TxWithProof;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's view of the chain and everything in it: the block tree, detached blocks, what we know
 * of each block's shards, the tx indexes and the pending pool, kept consistent through one set of
 * entry points (spec 02 §6–§12). Blocks, shard hashes, proven txs and loose txs come in; results
 * say what to answer, fetch or broadcast, and the {@link Listener} hears what must be persisted or
 * relayed. Owned by the node thread: not thread-safe.
 */
public final class ChainState {
    private static final Logger LOG = LoggerFactory.getLogger(ChainState.class);

    /** What the rest of the node must act on; every method defaults to doing nothing. */
    public interface Listener {
        /** A block joined the tree: write it to the blockfile before announcing it. */
        default void blockAttached(BlockNode block) {
        }

        /** A tx was placed in a block slot: write it (with this fresh proof) and relay it. */
        default void txPlaced(BlockNode block, TxWithProof proven) {
        }

        /** A complaint proved {@code block} (and its descendants) invalid: broadcast it. */
        default void blockInvalidated(BlockNode block, ComplaintPacket complaint) {
        }
    }

    /** Tunables; {@link #DEFAULT} suits a node. */
    public record Config(DetachedBlockPool.Limits detachedLimits, PendingPool.Policy policy, TxChecks txChecks) {
        public static final Config DEFAULT = new Config(DetachedBlockPool.Limits.DEFAULT,
                PendingPool.Policy.ACCEPT_ALL, new TxChecks());
    }

    /** What became of a block: the intake result, and attached blocks whose prev_txhashes disagree. */
    public record BlockReceipt(BlockIntake.Result intake, List<BlockNode> prevTxhashesMismatch) {
    }

    private final BlockTree tree;
    private final DetachedBlockPool detached;
    private final BlockIntake intake;
    private final TxStore store = new TxStore();
    private final ComplaintBuilder complaints = new ComplaintBuilder(store);
    private final PendingPool pending;
    private final TxChecks txChecks;
    private final LongSupplier nowSeconds;
    private final Listener listener;
    private final Map<BlockNode, ComplaintPacket> complaintOf = new HashMap<>();
    private final ComplaintChecks complaintChecks;

    public ChainState(Network network, Config config, LongSupplier nowSeconds, LongSupplier nowMillis,
                      Listener listener) {
        this.tree = new BlockTree(network, new HeadsListener());
        this.detached = new DetachedBlockPool(config.detachedLimits());
        this.intake = new BlockIntake(tree, detached, nowSeconds, nowMillis);
        this.pending = new PendingPool(store, () -> tree.heads().longestKnowns().get(0), nowSeconds, config.policy());
        this.txChecks = config.txChecks();
        this.complaintChecks = new ComplaintChecks(tree, txChecks);
        this.nowSeconds = nowSeconds;
        this.listener = listener;
    }

    public BlockTree tree() {
        return tree;
    }

    public DetachedBlockPool detached() {
        return detached;
    }

    public PendingPool pending() {
        return pending;
    }

    /** The block the node mines on and advertises ({@code longest_knowns[0]}). */
    public BlockNode miningHead() {
        return tree.heads().longestKnowns().get(0);
    }

    /** The complaint that made {@code block} invalid (inherited by descendants). */
    public Optional<ComplaintPacket> complaintOf(BlockNode block) {
        return Optional.ofNullable(complaintOf.get(block));
    }

    /** Whether a shard of a block holds every tx. */
    public boolean shardAllKnown(BlockNode block, int shard) {
        return shard >= 0 && shard < block.block().numShards() && store.shard(block, shard).allKnown();
    }

    /** The full tx in a slot, if we have it (empty for a slot the block does not have). */
    public Optional<Tx> txAt(BlockNode block, int shard, int txoff) {
        return exists(block, shard, txoff) ? store.txAt(new TxSlot(block, shard, txoff)) : Optional.empty();
    }

    /** The txrefhash in a slot, if we know it. */
    public Optional<TxRefHash> hashAt(BlockNode block, int shard, int txoff) {
        return exists(block, shard, txoff) ? store.shard(block, shard).hash(txoff) : Optional.empty();
    }

    /** A full tx in a slot with a proof of its place, ready to send as TX_IN_BLOCK. */
    public Optional<TxWithProof> provenAt(BlockNode block, int shard, int txoff) {
        return exists(block, shard, txoff) ? complaints.proven(new TxSlot(block, shard, txoff)) : Optional.empty();
    }

    /** Whether a (shard, txoff) pair a peer or a user names is a slot of the block. */
    private static boolean exists(BlockNode block, int shard, int txoff) {
        return shard >= 0 && shard < block.block().numShards() && txoff >= 0 && txoff < block.block().numTxs(shard);
    }

    /** Every txrefhash of a shard, once each slot has at least its hash (what a SHARD reply carries). */
    public Optional<List<TxRefHash>> shardHashes(BlockNode block, int shard) {
        if (shard < 0 || shard >= block.block().numShards()) {
            return Optional.empty();
        }
        ShardSlots s = store.shard(block, shard);
        if (!s.allHashes()) {
            return Optional.empty();
        }
        List<TxRefHash> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            out.add(s.hash(i).orElseThrow());
        }
        return Optional.of(out);
    }

    /** A full copy of a tx we hold anywhere: pending, or in any block. */
    public Optional<Tx> anyTx(Hash256 txid) {
        return pending.get(txid).or(() -> store.anyFullCopy(txid));
    }

    /** Where a txid sits in {@code block} or its ancestors, hash-only or full. */
    public Optional<KnownTx> findInChain(BlockNode block, Hash256 txid) {
        return store.findInChain(block, txid);
    }

    /** Each tx of a shard in order, marshalled and followed by its refs; empty unless all known. */
    public Optional<List<byte[]>> shardTxsWithRefs(BlockNode block, int shard) {
        if (shard < 0 || shard >= block.block().numShards()) {
            return Optional.empty();
        }
        ShardSlots s = store.shard(block, shard);
        if (!s.allKnown()) {
            return Optional.empty();
        }
        List<byte[]> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            byte[] tx = TxCodec.encode(s.tx(i).orElseThrow());
            byte[] refs = TxCodec.encodeRefs(s.refs(i));
            byte[] both = java.util.Arrays.copyOf(tx, tx.length + refs.length);
            System.arraycopy(refs, 0, both, tx.length, refs.length);
            out.add(both);
        }
        return Optional.of(out);
    }

    // ---------------------------------------------------------------- blocks

    /**
     * A block from a peer, the miner or a test: header checks, attach or keep detached (spec 02 §4,
     * §12), then the prev_txhashes bytes we can check (spec 02 §8: a mismatch is logged and
     * reported, never invalidating, as in C).
     */
    public BlockReceipt receiveBlock(Block block) {
        BlockIntake.Result r = intake.receive(block);
        List<BlockNode> mismatched = new ArrayList<>();
        for (BlockNode b : r.attached()) {
            b.parent().map(complaintOf::get).ifPresent(c -> complaintOf.put(b, c));
            listener.blockAttached(b);
            if (!prevTxhashesAgree(b)) {
                mismatched.add(b);
            }
        }
        afterEvent();
        return new BlockReceipt(r, mismatched);
    }

    /** {@code check_prev_txhashes}: every byte covering an all-known shard must be right. */
    private boolean prevTxhashesAgree(BlockNode b) {
        int index = 0;
        for (long h : PrevTxhashes.coveredHeights(b.height())) {
            BlockNode covered = b.ancestor(b.height() - h).orElseThrow();
            for (int s = 0; s < covered.block().numShards(); s++, index++) {
                if (!prevTxhashByteAgrees(b, covered, s, index)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean prevTxhashByteAgrees(BlockNode b, BlockNode covered, int shard, int index) {
        Optional<List<byte[]>> txs = shardTxsWithRefs(covered, shard);
        if (txs.isEmpty()) {
            return true;
        }
        int expected = PrevTxhashes.byteFor(b.block().header().feesTo(), txs.get());
        if (b.block().prevTxhashes().getUnsigned(index) == expected) {
            return true;
        }
        // C has no complaint for this (complain_bad_prev_txhashes is empty): log only (spec 02 §8.3).
        LOG.warn("{} has a wrong prev_txhashes byte for shard {} of {}", b, shard, covered);
        return false;
    }

    /** A shard of {@code x} became all known: check the byte each covering descendant has for it. */
    private void recheckPrevTxhashesCovering(BlockNode x, int shard) {
        for (int i = 0; i < Protocol.PREV_BLOCK_TXHASHES; i++) {
            long height = x.height() + (1L << i);
            for (BlockNode d : tree.atHeight(height)) {
                if (x.precedes(d)) {
                    prevTxhashByteAgrees(d, x, shard, byteIndexOf(d, x, shard));
                }
            }
        }
    }

    private static int byteIndexOf(BlockNode b, BlockNode covered, int shard) {
        int index = 0;
        for (long h : PrevTxhashes.coveredHeights(b.height())) {
            if (h == covered.height()) {
                return index + shard;
            }
            index += b.ancestor(b.height() - h).orElseThrow().block().numShards();
        }
        throw new IllegalArgumentException(covered + " is not covered by " + b);
    }

    // ---------------------------------------------------------------- block contents

    /** PKT_SHARD: every txrefhash of one shard (spec 02 §6.5 "whole shard"). */
    public ContentResult receiveShard(ShardPacket p) {
        return inValidBlock(p.block(), b -> shardInto(b, p));
    }

    private ContentResult shardInto(BlockNode b, ShardPacket p) {
        if (p.shard() >= b.block().numShards()) {
            return ContentResult.refused(ErrorCode.BAD_SHARDNUM);
        }
        int size = b.block().numTxs(p.shard());
        if (size == 0 || p.hashes().size() != size) {
            return ContentResult.refused(ErrorCode.INVALID_LEN);
        }
        if (!MerkleTree.root(p.hashes()).equals(b.block().merkles().get(p.shard()))) {
            return ContentResult.refused(ErrorCode.BAD_MERKLE);
        }
        Wants wants = new Wants();
        boolean stored = false;
        for (int i = 0; i < size; i++) {
            stored |= putHash(new TxSlot(b, p.shard(), i), p.hashes().get(i), Optional.empty());
        }
        ShardSlots slots = store.shard(b, p.shard());
        for (int i = 0; i < size && !b.invalid(); i++) {
            if (slots.hashOnly(i) && !tryResolve(new TxSlot(b, p.shard(), i), wants)) {
                wants.slots.add(new Position(b.id(), p.shard(), i));
            }
        }
        return finish(stored || wants.complaint.isPresent() ? ContentResult.Outcome.STORED
                : ContentResult.Outcome.ALREADY_KNOWN, wants);
    }

    /** PKT_HASHES_IN_BLOCK: one slot's txrefhash with its proof. */
    public ContentResult receiveHashInBlock(HashesInBlockPacket p) {
        return inValidBlock(p.proof().position().block(), b -> hashInto(b, p));
    }

    private ContentResult hashInto(BlockNode b, HashesInBlockPacket p) {
        Position pos = p.proof().position();
        if (!MerkleTree.check(p.proof(), p.hashes(), b.block())) {
            return ContentResult.refused(ErrorCode.BAD_PROOF);
        }
        TxSlot slot = new TxSlot(b, pos.shard(), pos.txoff());
        Wants wants = new Wants();
        if (!putHash(slot, p.hashes(), Optional.of(p.proof()))) {
            return finish(ContentResult.Outcome.ALREADY_KNOWN, wants);
        }
        if (!tryResolve(slot, wants)) {
            wants.slots.add(pos);
        }
        return finish(ContentResult.Outcome.STORED, wants);
    }

    /** PKT_TX_IN_BLOCK: a tx with its refs and proof (spec 02 §9.12). */
    public ContentResult receiveTxInBlock(TxWithProof p) {
        // C processes these even for an invalid block (spec 02 §9.12 gap); we answer with the complaint.
        return inValidBlock(p.proof().position().block(), b -> txInto(b, p));
    }

    private ContentResult txInto(BlockNode b, TxWithProof p) {
        try {
            txChecks.check(p.tx(), b.block().header().shardOrder());
            RefChecks.checkRefs(b, p.refs());
        } catch (ProtocolException e) {
            return ContentResult.refused(e.code());
        }
        TxRefHash hash = TxHashes.txRefHash(p.tx(), p.refs());
        if (!MerkleTree.check(p.proof(), hash, b.block())) {
            return ContentResult.refused(ErrorCode.BAD_PROOF);
        }
        return placeChecked(b, p, hash);
    }

    /**
     * A tx record from our own blockfile, already checked by the loader (tx, refs, proof): placed
     * like a received one, so inputs, double spends and order are judged again as contents arrive.
     */
    public ContentResult placeFromBlockfile(BlockNode b, TxWithProof p) {
        return placeChecked(b, p, TxHashes.txRefHash(p.tx(), p.refs()));
    }

    private ContentResult placeChecked(BlockNode b, TxWithProof p, TxRefHash hash) {
        Position pos = p.proof().position();
        TxSlot slot = new TxSlot(b, pos.shard(), pos.txoff());
        Wants wants = new Wants();
        if (store.shard(b, pos.shard()).full(pos.txoff())) {
            return finish(ContentResult.Outcome.ALREADY_KNOWN, wants);
        }
        place(slot, p, hash, wants);
        return finish(ContentResult.Outcome.STORED, wants);
    }

    /**
     * Runs {@code then} on the block with this id if we hold it and it is valid; otherwise the block
     * is to be asked for, or the sender is to be answered with its complaint.
     */
    private ContentResult inValidBlock(Hash256 id, java.util.function.Function<BlockNode, ContentResult> then) {
        Optional<BlockNode> found = tree.find(id);
        if (found.isEmpty()) {
            return ContentResult.unknownBlock(id);
        }
        return found.get().invalid() ? blockInvalid(found.get()) : then.apply(found.get());
    }

    private ContentResult blockInvalid(BlockNode b) {
        return new ContentResult(ContentResult.Outcome.BLOCK_INVALID, ErrorCode.NONE,
                Optional.ofNullable(complaintOf.get(b)), Optional.empty(), List.of(), List.of());
    }

    private ContentResult finish(ContentResult.Outcome outcome, Wants wants) {
        afterEvent();
        if (wants.complaint.isPresent()) {
            return new ContentResult(ContentResult.Outcome.COMPLAINED, ErrorCode.NONE, wants.complaint,
                    Optional.empty(), List.copyOf(wants.txs), List.copyOf(wants.slots));
        }
        return new ContentResult(outcome, ErrorCode.NONE, Optional.empty(), Optional.empty(),
                List.copyOf(wants.txs), List.copyOf(wants.slots));
    }

    /** What a packet's handling found it needs, and the complaint it raised, if any. */
    private static final class Wants {
        final Set<Hash256> txs = new LinkedHashSet<>();
        final List<Position> slots = new ArrayList<>();
        Optional<ComplaintPacket> complaint = Optional.empty();
    }

    private boolean putHash(TxSlot slot, TxRefHash hash, Optional<Proof> proof) {
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
    private void pendingSeesChangeIn(BlockNode b) {
        if (b.precedes(miningHead())) {
            pending.markForRecheck();
        }
    }

    /**
     * {@code try_resolve_hash}: a hash-only slot whose tx we hold elsewhere (pending or another
     * block) is filled if the refs it would have here hash to the slot's refhash. C then skips the
     * input checks for this block (spec 02 §6.5 gap); we run the same placement as for a received
     * tx, so a bad block is caught whichever way its txs arrive.
     */
    private boolean tryResolve(TxSlot slot, Wants wants) {
        TxRefHash hash = store.shard(slot.block(), slot.shard()).hash(slot.txoff()).orElseThrow();
        Optional<Tx> tx = store.anyFullCopy(hash.txid());
        if (tx.isEmpty()) {
            return false;
        }
        Optional<List<InputRef>> refs = InputChecks.createRefs(store, slot.block(), tx.get(), 0,
                nowSeconds.getAsLong());
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

    /** Steps 7–9 of spec 02 §9.12 for a tx whose proof, refs and stand-alone checks passed. */
    private void place(TxSlot slot, TxWithProof p, TxRefHash hash, Wants wants) {
        BlockNode b = slot.block();
        InputVerdict v = InputChecks.check(store, b, Optional.empty(), p.tx());
        if (v.refused()) {
            Optional<ComplaintBuilder.Raised> c = complaints.forInputs(b, p, v);
            if (c.isEmpty()) {
                return;
            }
            publish(c.get(), wants);
            if (c.get().against() == b) {
                return;
            }
            // The other spend sat in a descendant: that block is the bad one, this tx is fine.
        } else if (v.kind() == InputVerdict.Kind.UNKNOWN) {
            wantUnknownInputs(b, p.tx(), wants);
        }
        RefVerdict r = InputChecks.checkRefContents(store, b, p.tx(), p.refs());
        if (r.kind() == RefVerdict.Kind.BAD_HASH) {
            TxSlot referred = refSlot(b, p.refs().get(r.input()));
            Optional<ComplaintBuilder.Raised> c = complaints.forBadRef(b, p, r.input(), referred);
            if (c.isPresent()) {
                publish(c.get(), wants);
            } else {
                wants.slots.add(referred.position());
            }
            return;
        }
        if (r.kind() == RefVerdict.Kind.UNKNOWN && v.ok()) {
            wants.slots.add(refSlot(b, p.refs().get(r.input())).position());
        }
        ShardSlots slots = store.shard(b, slot.shard());
        Optional<Integer> below = slots.fullBelow(slot.txoff());
        Optional<Integer> above = slots.fullAbove(slot.txoff());
        if (TxOrdering.misordered(below.flatMap(slots::tx), p.tx(), above.flatMap(slots::tx))) {
            boolean belowBad = below.flatMap(slots::tx).map(t -> TxOrdering.misordered(Optional.of(t), p.tx(),
                    Optional.empty())).orElse(false);
            int neighbour = belowBad ? below.get() : above.orElseThrow();
            complaints.forMisorder(b, p, new TxSlot(b, slot.shard(), neighbour)).ifPresent(c -> publish(c, wants));
            return;
        }
        putTxInShard(slot, p, hash, wants);
    }

    private static TxSlot refSlot(BlockNode b, InputRef ref) {
        return new TxSlot(b.ancestor(ref.blocksAgo()).orElseThrow(), ref.shard(), ref.txoff());
    }

    private void wantUnknownInputs(BlockNode b, Tx tx, Wants wants) {
        for (Input in : tx.inputs()) {
            if (store.findInChain(b, in.txid()).map(k -> !k.full()).orElse(true) && !pending.contains(in.txid())) {
                wants.txs.add(in.txid());
            }
        }
    }

    /** {@code put_tx_in_shard} (spec 02 §6.5). */
    private void putTxInShard(TxSlot slot, TxWithProof p, TxRefHash hash, Wants wants) {
        BlockNode b = slot.block();
        store.putTx(slot, p.tx(), p.refs(), hash, Optional.of(p.proof()));
        recheckSpendersOf(hash.txid(), p.tx(), wants);
        if (b.invalid()) {
            return;
        }
        ShardSlots slots = store.shard(b, slot.shard());
        if (slots.allKnown()) {
            recheckPrevTxhashesCovering(b, slot.shard());
            if (store.allKnown(b)) {
                tree.markAllKnown(b);
            }
        }
        pendingSeesChangeIn(b);
        listener.txPlaced(b, complaints.proven(slot).orElse(p));
    }

    /**
     * {@code check_resolved_txs}: txs spending an output of a tx just placed may now be checkable,
     * or now double spends. Pending ones wait for the recheck; in-block ones are judged again with
     * their own slot excluded. CLAIM inputs name output num_outputs+1 and so, as in C, are not
     * rechecked here (spec 02 §9.6).
     */
    private void recheckSpendersOf(Hash256 txid, Tx tx, Wants wants) {
        for (int k = 0; k < TxOutputs.numOutputs(tx); k++) {
            for (Hash256 spender : List.copyOf(store.spenderTxids(new Outpoint(txid, k)))) {
                if (pending.contains(spender)) {
                    pending.markForRecheck();
                }
                for (TxSlot s : List.copyOf(store.slotsOf(spender))) {
                    recheckPlaced(s, wants);
                }
            }
        }
    }

    private void recheckPlaced(TxSlot s, Wants wants) {
        if (s.block().invalid()) {
            return;
        }
        Optional<TxWithProof> proven = complaints.proven(s);
        if (proven.isEmpty()) {
            return;
        }
        InputVerdict v = InputChecks.check(store, s.block(), Optional.of(s), proven.get().tx());
        if (v.refused()) {
            complaints.forInputs(s.block(), proven.get(), v).ifPresent(c -> publish(c, wants));
        }
    }

    // ---------------------------------------------------------------- complaints

    private void publish(ComplaintBuilder.Raised c, Wants wants) {
        if (publishComplaint(c.against(), c.complaint())) {
            wants.complaint = Optional.of(c.complaint());
        }
    }

    /**
     * {@code publish_complaint} (spec 02 §10.1): {@code block} and its descendants become invalid;
     * their txs go back to pending; the heads are recomputed. The first complaint against a block
     * wins. Returns false if the block was invalid already.
     */
    public boolean publishComplaint(BlockNode block, ComplaintPacket complaint) {
        if (block.invalid()) {
            return false;
        }
        List<BlockNode> marked = tree.invalidate(block);
        for (BlockNode m : marked) {
            complaintOf.put(m, complaint);
            pending.returnFromBlock(store.removeBlock(m));
        }
        LOG.info("{} is invalid ({}); {} blocks dropped from chain choice", block, complaint.type().cName(),
                marked.size());
        listener.blockInvalidated(block, complaint);
        return true;
    }

    /**
     * A complaint from a peer (types 24–30, spec 02 §10): if it proves a block we know invalid,
     * it is applied (and {@link Listener#blockInvalidated} broadcasts it); a complaint about a block
     * we do not know is dropped and the block asked for, as C does; a false one is refused.
     */
    public ContentResult receiveComplaint(ComplaintPacket p) {
        ComplaintVerdict v;
        try {
            v = complaintChecks.check(p);
        } catch (ProtocolException e) {
            return ContentResult.refused(e.code());
        }
        if (v instanceof ComplaintVerdict.UnknownBlock u) {
            return ContentResult.unknownBlock(u.id());
        }
        BlockNode bad = ((ComplaintVerdict.Proved) v).block();
        Wants wants = new Wants();
        if (publishComplaint(bad, p)) {
            wants.complaint = Optional.of(p);
        }
        return finish(ContentResult.Outcome.ALREADY_KNOWN, wants);
    }

    /**
     * A notice that a pending tx is bad (TX_BAD_INPUT, TX_BAD_AMOUNT, TX_DOUBLESPEND; spec 02
     * §10.4): once checked, the tx(s) leave pending and every block holding a full copy gets the
     * matching complaint. C hangs up after a valid TX_DOUBLESPEND; we do not (spec 02 §15 #21).
     */
    public ContentResult receiveTxNotice(TxNotice notice) {
        Wants wants = new Wants();
        if (notice instanceof TxNotice.BadInput b) {
            pending.drop(b.txid());
            for (TxSlot s : fullSlotsOf(b.txid())) {
                complaints.proven(s).ifPresent(p -> publish(new ComplaintBuilder.Raised(s.block(),
                        new ComplainTxBadInputPacket(b.inputNum(), p, b.input())), wants));
            }
        } else if (notice instanceof TxNotice.BadAmount b) {
            pending.drop(b.txid());
            for (TxSlot s : fullSlotsOf(b.txid())) {
                complaints.proven(s).ifPresent(p -> publish(new ComplaintBuilder.Raised(s.block(),
                        new ComplainTxBadAmountPacket(p, b.inputs())), wants));
            }
        } else {
            TxNotice.Doublespend d = (TxNotice.Doublespend) notice;
            pending.drop(d.a().txid());
            pending.drop(d.b().txid());
            complainAboutPairs(d.a(), d.b(), wants);
            complainAboutPairs(d.b(), d.a(), wants);
        }
        return finish(ContentResult.Outcome.ALREADY_KNOWN, wants);
    }

    /** Every block holding {@code earlier} on the chain of a block holding {@code later} loses that later block. */
    private void complainAboutPairs(TxNotice.Spend earlier, TxNotice.Spend later, Wants wants) {
        for (TxSlot e : fullSlotsOf(earlier.txid())) {
            for (TxSlot l : fullSlotsOf(later.txid())) {
                if (e.block().invalid() || l.block().invalid() || !e.block().precedes(l.block())) {
                    continue;
                }
                Optional<TxWithProof> pe = complaints.proven(e);
                Optional<TxWithProof> pl = complaints.proven(l);
                if (pe.isPresent() && pl.isPresent()) {
                    publish(new ComplaintBuilder.Raised(l.block(), new ComplainDoublespendPacket(earlier.inputNum(),
                            later.inputNum(), pe.get(), pl.get())), wants);
                }
            }
        }
    }

    private List<TxSlot> fullSlotsOf(Hash256 txid) {
        List<TxSlot> out = new ArrayList<>();
        for (TxSlot s : store.slotsOf(txid)) {
            if (!s.block().invalid() && store.shard(s.block(), s.shard()).full(s.txoff())) {
                out.add(s);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- loose txs

    /**
     * A loose tx from a peer (PKT_TX) or a wallet: stand-alone checks, then pending admission (spec
     * 02 §11.2) and, if it went in, the block slots it fills.
     *
     * @throws ProtocolException if {@code check_tx} fails: the sender is at fault
     */
    public TxSubmission submitTx(Tx tx) throws ProtocolException {
        txChecks.checkPending(tx);
        PendingPool.Admission a = pending.add(tx);
        Wants wants = new Wants();
        Optional<Packet> reply = Optional.empty();
        if (a.status() == PendingPool.Status.REFUSED && !a.tooOld()) {
            reply = TxReplies.forRefusal(store, miningHead(), tx, a, complaints);
        } else if (a.status() == PendingPool.Status.WAITING) {
            wantUnknownInputs(miningHead(), tx, wants);
        }
        if (a.status() == PendingPool.Status.READY || a.status() == PendingPool.Status.WAITING
                || a.status() == PendingPool.Status.POLICY_DROPPED) {
            Hash256 txid = TxHashes.txid(tx);
            for (TxSlot s : List.copyOf(store.slotsOf(txid))) {
                if (store.shard(s.block(), s.shard()).hashOnly(s.txoff()) && !s.block().invalid()) {
                    tryResolve(s, wants);
                }
            }
        }
        afterEvent();
        return new TxSubmission(a, reply, List.copyOf(wants.txs), wants.complaint);
    }

    /** What {@link #submitTx} did: the pool's verdict, the notice to send back, inputs to fetch. */
    public record TxSubmission(PendingPool.Admission admission, Optional<Packet> reply,
                               List<Hash256> wantedTxs, Optional<ComplaintPacket> complaint) {
    }

    /** Runs the pending recheck if something changed, as C does after every packet. */
    private void afterEvent() {
        pending.recheck();
    }

    /** Hears the heads move: abandoned-branch txs return to pending, and pending is rechecked. */
    private final class HeadsListener implements ChainListener {
        @Override
        public void knownHeadChanged(BlockNode oldHead, BlockNode newHead) {
            pending.markForRecheck();
            // steal_pending_txs: every block of the abandoned branch gives its txs back (spec 02 §7.3).
            for (BlockNode b = oldHead; !b.precedes(newHead); b = b.parent().orElseThrow()) {
                pending.returnFromBlock(store.fullTxsOf(b));
            }
        }

        @Override
        public void pendingNeedsRecheck() {
            pending.markForRecheck();
        }
    }
}
