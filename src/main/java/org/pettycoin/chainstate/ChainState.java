package org.pettycoin.chainstate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.ChainListener;
import org.pettycoin.chain.Feature;
import org.pettycoin.chain.Interests;
import org.pettycoin.chain.Network;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.consensus.ClaimRule;
import org.pettycoin.consensus.ComplaintChecks;
import org.pettycoin.consensus.ComplaintVerdict;
import org.pettycoin.consensus.KnownTx;
import org.pettycoin.consensus.TxChecks;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxNotice;
import org.pettycoin.consensus.TxShards;
import org.pettycoin.consensus.TxSlot;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.HashesInBlockPacket;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxRefHash;
import org.pettycoin.protocol.TxWithProof;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's view of the chain and everything in it: the block tree, detached blocks, what we know
 * of each block's shards, the tx indexes and the pending pool, kept consistent through one set of
 * entry points (in C: block.c, chain.c, check_block.c, pending.c, recv_*.c). Blocks, shard hashes,
 * proven txs and loose txs come in; results say what to answer or fetch, and carry the
 * {@link ChainEvent}s that must be persisted or told to peers, in order. The chain state does no I/O
 * and calls nobody: a cascade (descendants attached, complaints carried over, prev_txhashes checked,
 * pending rechecked) always runs to its end before anyone hears of it. In a running node inputs come
 * through {@link NodeLoop}, which journals the events before anything else sees them. Owned by the
 * node thread: not thread-safe.
 */
public final class ChainState implements ChainInput {
    private static final Logger LOG = LoggerFactory.getLogger(ChainState.class);

    /**
     * Tunables; {@link #DEFAULT} suits a full node.
     *
     * @param interests the shards we hold: of the others we keep only hashes and the txs paying into ours
     * @param knownFeatures the feature bits whose rules this node applies once they are active (every
     *     {@link Feature} of this build; fewer to stand in for an older build, which keeps the old rules)
     */
    public record Config(
            DetachedBlockPool.Limits detachedLimits,
            PendingPool.Policy policy,
            TxChecks txChecks,
            Interests interests,
            int knownFeatures) {
        public static final Config DEFAULT =
                new Config(DetachedBlockPool.Limits.DEFAULT, PendingPool.Policy.ACCEPT_ALL, new TxChecks());

        /** A full node's config (every shard held, every feature known). */
        public Config(DetachedBlockPool.Limits detachedLimits, PendingPool.Policy policy, TxChecks txChecks) {
            this(detachedLimits, policy, txChecks, Interests.ALL, Feature.allBits());
        }

        /** The same, holding only {@code held}. */
        public Config withInterests(Interests held) {
            return new Config(detachedLimits, policy, txChecks, held, knownFeatures);
        }

        /** The same, applying only the rules of the features in {@code bits}. */
        public Config withKnownFeatures(int bits) {
            return new Config(detachedLimits, policy, txChecks, interests, bits);
        }
    }

    /**
     * What became of a block: the intake result, the attached blocks whose prev_txhashes disagree,
     * and what happened, in order.
     */
    public record BlockReceipt(
            BlockIntake.Result intake, List<BlockNode> prevTxhashesMismatch, List<ChainEvent> events) {
        public BlockReceipt {
            prevTxhashesMismatch = List.copyOf(prevTxhashesMismatch);
            events = List.copyOf(events);
        }
    }

    private final BlockTree tree;
    private final DetachedBlockPool detached;
    private final BlockIntake intake;
    private final TxStore store = new TxStore();
    private final PrevTxhashChecks prevTxhashes;
    private final ComplaintBuilder complaints = new ComplaintBuilder(store);
    private final PendingPool pending;
    private final TxChecks txChecks;
    private final Interests interests;
    private final int knownFeatures;
    private final EventLog log = new EventLog();
    /** Only this thread may change the state: checked at every entry point that does (a thread compare). */
    private final ThreadOwner owner = ThreadOwner.firstUser();

    private final Map<BlockNode, ComplaintPacket> complaintOf = new HashMap<>();
    private final ComplaintChecks complaintChecks;
    private final TxPlacement placement;
    private final ShardIntake contents;

    public ChainState(Network network, Config config, LongSupplier nowSeconds, LongSupplier nowMillis) {
        this.tree = new BlockTree(network, new HeadsListener());
        this.prevTxhashes = new PrevTxhashChecks(tree, store);
        this.detached = new DetachedBlockPool(config.detachedLimits());
        this.intake = new BlockIntake(tree, detached, nowSeconds, nowMillis);
        this.knownFeatures = config.knownFeatures();
        this.pending = new PendingPool(
                store,
                () -> tree.heads().longestKnowns().get(0),
                nowSeconds,
                config.policy(),
                PendingPool.MAX_WAITING,
                knownFeatures);
        this.txChecks = config.txChecks();
        this.interests = config.interests();
        this.complaintChecks = new ComplaintChecks(tree, txChecks, knownFeatures);
        this.placement = new TxPlacement(
                tree,
                store,
                complaints,
                pending,
                prevTxhashes,
                log,
                nowSeconds,
                this::publish,
                interests,
                knownFeatures);
        this.contents = new ShardIntake(
                tree,
                store,
                placement,
                txChecks,
                interests,
                log,
                b -> Optional.ofNullable(complaintOf.get(b)),
                this::afterEvent);
    }

    @Override
    public ChainState chain() {
        return this;
    }

    /** The shards we hold (every one for a full node). */
    public Interests interests() {
        return interests;
    }

    /** Whether we hold shard {@code shard} of {@code block} (C's interested_in_shard). */
    public boolean holdsShard(BlockNode block, int shard) {
        return interests.holdsBlockShard(shard, block.block().header().shardOrder());
    }

    /** Whether we hold the shard a loose tx belongs to (its own shard, not the one it pays into). */
    public boolean holdsTx(Tx tx) {
        return interests.holds(TxShards.shardOf(tx, Protocol.INITIAL_SHARD_ORDER));
    }

    /** The one configured set of stand-alone tx checks (peers, notices, the blockfile replay, RPC). */
    public TxChecks txChecks() {
        return txChecks;
    }

    /**
     * Names the one thread that may change this state (the node names its node thread). Without it,
     * the first thread that changes it owns it: tests drive a state from their own thread.
     */
    public void ownedBy(Thread thread) {
        owner.bind(thread);
    }

    // The getters of mutable parts check the owner too: reading them off the node thread races it.

    /** The block tree (node thread only). */
    public BlockTree tree() {
        owner.check();
        return tree;
    }

    /** The detached blocks (node thread only). */
    public DetachedBlockPool detached() {
        owner.check();
        return detached;
    }

    /** The pending pool (node thread only). */
    public PendingPool pending() {
        owner.check();
        return pending;
    }

    /** The block the node mines on and advertises ({@code longest_knowns[0]}). */
    public BlockNode miningHead() {
        owner.check();
        return tree.heads().longestKnowns().get(0);
    }

    /** The complaint that made {@code block} invalid (inherited by descendants). */
    public Optional<ComplaintPacket> complaintOf(BlockNode block) {
        owner.check();
        return Optional.ofNullable(complaintOf.get(block));
    }

    /** Whether every slot of a shard has at least its hash ({@code shard_all_hashes}; an empty shard has). */
    public boolean shardAllHashes(BlockNode block, int shard) {
        owner.check();
        return shard >= 0
                && shard < block.block().numShards()
                && store.shard(block, shard).allHashes();
    }

    /** Whether a shard of a block holds every tx. */
    public boolean shardAllKnown(BlockNode block, int shard) {
        owner.check();
        return shard >= 0
                && shard < block.block().numShards()
                && store.shard(block, shard).allKnown();
    }

    /** The full tx in a slot, if we have it (empty for a slot the block does not have). */
    public Optional<Tx> txAt(BlockNode block, int shard, int txoff) {
        owner.check();
        return exists(block, shard, txoff) ? store.txAt(new TxSlot(block, shard, txoff)) : Optional.empty();
    }

    /** The txrefhash in a slot, if we know it. */
    public Optional<TxRefHash> hashAt(BlockNode block, int shard, int txoff) {
        owner.check();
        return exists(block, shard, txoff) ? store.shard(block, shard).hash(txoff) : Optional.empty();
    }

    /** A full tx in a slot with a proof of its place, ready to send as TX_IN_BLOCK. */
    public Optional<TxWithProof> provenAt(BlockNode block, int shard, int txoff) {
        owner.check();
        return exists(block, shard, txoff) ? complaints.proven(new TxSlot(block, shard, txoff)) : Optional.empty();
    }

    /** Whether a (shard, txoff) pair a peer or a user names is a slot of the block. */
    private static boolean exists(BlockNode block, int shard, int txoff) {
        return shard >= 0
                && shard < block.block().numShards()
                && txoff >= 0
                && txoff < block.block().numTxs(shard);
    }

    /** Every txrefhash of a shard, once each slot has at least its hash (what a SHARD reply carries). */
    public Optional<List<TxRefHash>> shardHashes(BlockNode block, int shard) {
        owner.check();
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

    /** Txids of the full txs we hold, pending or in any block, that spend output {@code output} of {@code txid}. */
    public List<Hash256> spendersOf(Hash256 txid, int output) {
        owner.check();
        return List.copyOf(store.spenderTxids(new Outpoint(txid, output)));
    }

    /** The feature bits whose rules this node applies once they are active ({@link Config#knownFeatures}). */
    public int knownFeatures() {
        return knownFeatures;
    }

    /** The rule a claim mined on the mining head now would be judged by (Feature.REWARDS). */
    public ClaimRule claimRuleForNextBlock() {
        owner.check();
        return ClaimRule.forChildOf(miningHead(), knownFeatures);
    }

    /** A full copy of a tx we hold anywhere: pending, or in any block. */
    public Optional<Tx> anyTx(Hash256 txid) {
        owner.check();
        return pending.get(txid).or(() -> store.anyFullCopy(txid));
    }

    /** Where a txid sits in {@code block} or its ancestors, hash-only or full. */
    public Optional<KnownTx> findInChain(BlockNode block, Hash256 txid) {
        owner.check();
        return store.findInChain(block, txid);
    }

    /** Each tx of a shard in order, marshalled and followed by its refs; empty unless all known. */
    public Optional<List<byte[]>> shardTxsWithRefs(BlockNode block, int shard) {
        owner.check();
        if (shard < 0 || shard >= block.block().numShards()) {
            return Optional.empty();
        }
        return store.txsWithRefs(block, shard);
    }

    // ---------------------------------------------------------------- blocks

    /** A decoded block, as a peer would send it: {@link #processBlock} with every check (tests, tools). */
    public BlockReceipt receiveBlock(Block block) {
        return processBlock(ReceivedBlock.of(block), BlockFlags.PEER, Origin.LOCAL);
    }

    /**
     * The one entry point for a block, whoever offers it (btcd's ProcessBlock): header checks as the
     * flags allow, attach or keep detached (C's recv_block), then for each attached block the
     * parent's complaint carried over and the prev_txhashes bytes we can check
     * (docs/c-differences.md #2: a mismatch is logged and reported, never invalidating, as in C),
     * then the pending recheck.
     */
    @Override
    public BlockReceipt processBlock(ReceivedBlock block, BlockFlags flags, Origin origin) {
        owner.check();
        log.begin(origin);
        BlockIntake.Result r = intake.receive(block, flags);
        List<BlockNode> mismatched = new ArrayList<>();
        if (r instanceof BlockIntake.Attached a) {
            for (int i = 0; i < a.blocks().size(); i++) {
                BlockIntake.Attachment at = a.blocks().get(i);
                BlockNode b = at.node();
                b.parent().map(complaintOf::get).ifPresent(c -> complaintOf.put(b, c));
                // A replayed block's bytes were judged when it first came, and the replay never checked
                // them (C's load_blocks neither): skipping them keeps start-up as fast as it was.
                boolean agree = flags.replay() || prevTxhashes.agree(b);
                if (!agree) {
                    mismatched.add(b);
                }
                log.add(new ChainEvent.BlockAttached(b, at.received(), origin, i == 0, agree));
            }
        }
        afterEvent();
        return new BlockReceipt(r, mismatched, log.take());
    }

    // ---------------------------------------------------------------- block contents

    /** PKT_SHARD: every txrefhash of one shard (C's recv_block.c recv_shard). */
    public ContentResult receiveShard(ShardPacket p) {
        return receiveShard(p, Origin.LOCAL);
    }

    @Override
    public ContentResult receiveShard(ShardPacket p, Origin origin) {
        owner.check();
        log.begin(origin);
        return contents.shard(p);
    }

    /** PKT_HASHES_IN_BLOCK: one slot's txrefhash with its proof. */
    public ContentResult receiveHashInBlock(HashesInBlockPacket p) {
        return receiveHashInBlock(p, Origin.LOCAL);
    }

    @Override
    public ContentResult receiveHashInBlock(HashesInBlockPacket p, Origin origin) {
        owner.check();
        log.begin(origin);
        return contents.hashInBlock(p);
    }

    /** PKT_TX_IN_BLOCK: a tx with its refs and proof (C's recv_tx.c recv_tx). */
    public ContentResult receiveTxInBlock(TxWithProof p) {
        return receiveTxInBlock(p, Origin.LOCAL);
    }

    /**
     * PKT_TX_IN_BLOCK, from a peer or our blockfile alike, in the order of C's recv_tx.c recv_tx:
     * check_tx, check_refs, check_proof, then placement.
     */
    @Override
    public ContentResult receiveTxInBlock(TxWithProof p, Origin origin) {
        owner.check();
        log.begin(origin);
        return contents.txInBlock(p);
    }

    // ---------------------------------------------------------------- complaints

    void publish(ComplaintBuilder.Raised c, Wants wants) {
        if (publishComplaint(c.against(), c.complaint())) {
            wants.complaint = Optional.of(c.complaint());
        }
    }

    /**
     * {@code publish_complaint} (C's complain.c): {@code block} and its descendants become invalid;
     * their txs go back to pending; the heads are recomputed. The first complaint against a block
     * wins. Returns false if the block was invalid already.
     */
    public boolean publishComplaint(BlockNode block, ComplaintPacket complaint) {
        return publishComplaint(block, complaint, ChainEvent.Provenance.RAISED_HERE);
    }

    private boolean publishComplaint(BlockNode block, ComplaintPacket complaint, ChainEvent.Provenance provenance) {
        owner.check();
        if (block.invalid()) {
            return false;
        }
        List<BlockNode> marked = tree.invalidate(block);
        for (BlockNode m : marked) {
            complaintOf.put(m, complaint);
            pending.returnFromBlock(held(store.removeBlock(m)));
        }
        LOG.info(
                "{} is invalid ({}); {} blocks dropped from chain choice",
                block,
                complaint.type().cName(),
                marked.size());
        log.add(new ChainEvent.BlockInvalidated(block, complaint, log.origin(), provenance));
        return true;
    }

    /**
     * A complaint from a peer (types 24–30, C's recv_complain.c): if it proves a block we know invalid,
     * it is applied (and its {@link ChainEvent.BlockInvalidated} is for broadcasting it); a complaint
     * about a block we do not know is dropped and the block asked for, as C does; a false one is
     * refused.
     */
    public ContentResult receiveComplaint(ComplaintPacket p) {
        return receiveComplaint(p, Origin.LOCAL);
    }

    @Override
    public ContentResult receiveComplaint(ComplaintPacket p, Origin origin) {
        owner.check();
        log.begin(origin);
        ComplaintVerdict v;
        try {
            v = complaintChecks.check(p);
        } catch (ProtocolException e) {
            return new ContentResult.Refused(e.code());
        }
        if (v instanceof ComplaintVerdict.UnknownBlock u) {
            return new ContentResult.UnknownBlock(u.id());
        }
        BlockNode bad = ((ComplaintVerdict.Proved) v).block();
        Wants wants = new Wants();
        // A block that has a complaint already keeps it, and this one goes no further: no storm.
        if (publishComplaint(bad, p, ChainEvent.Provenance.RECEIVED)) {
            wants.complaint = Optional.of(p);
        }
        return contents.finish(false, wants);
    }

    /**
     * A notice that a pending tx is bad (TX_BAD_INPUT, TX_BAD_AMOUNT, TX_DOUBLESPEND; C's peer.c
     * recv_tx_bad_input and friends): once checked, the tx(s) leave pending and every block holding
     * a full copy gets the matching complaint. C hangs up after a valid TX_DOUBLESPEND; we do not
     * (docs/c-differences.md #24).
     */
    public ContentResult receiveTxNotice(TxNotice notice) {
        return receiveTxNotice(notice, Origin.LOCAL);
    }

    @Override
    public ContentResult receiveTxNotice(TxNotice notice, Origin origin) {
        owner.check();
        log.begin(origin);
        Wants wants = new Wants();
        // The complaints first: invalidating a block hands its txs back to pending, and the tx the
        // notice condemns must not come back that way (C's peer.c drops it after complaining, too).
        complaints.forNotice(notice).forEach(r -> publish(r, wants));
        if (notice instanceof TxNotice.BadInput b) {
            pending.drop(b.txid());
        } else if (notice instanceof TxNotice.BadAmount b) {
            pending.drop(b.txid());
        } else {
            TxNotice.Doublespend d = (TxNotice.Doublespend) notice;
            pending.drop(d.a().txid());
            pending.drop(d.b().txid());
        }
        return contents.finish(false, wants);
    }

    // ---------------------------------------------------------------- loose txs

    /**
     * A loose tx from a peer (PKT_TX) or a wallet: stand-alone checks, then pending admission (C's
     * pending.c add_pending_tx) and, if it went in, the block slots it fills.
     *
     * @throws ProtocolException if {@code check_tx} fails: the sender is at fault
     */
    public TxSubmission submitTx(Tx tx) throws ProtocolException {
        return submitTx(tx, Origin.LOCAL);
    }

    @Override
    public TxSubmission submitTx(Tx tx, Origin origin) throws ProtocolException {
        owner.check();
        log.begin(origin);
        try {
            txChecks.checkPending(tx);
        } catch (ProtocolException e) {
            log.take();
            throw e;
        }
        if (!holdsTx(tx)) {
            // docs/c-differences.md #52: not kept (its inputs are in a shard we do not hold), only relayed.
            return new TxSubmission(
                    new PendingPool.Admission.NotHeld(), Optional.empty(), List.of(), Optional.empty(), log.take());
        }
        PendingPool.Admission a = pending.add(tx);
        Wants wants = new Wants();
        Optional<Packet> reply = Optional.empty();
        if (a instanceof PendingPool.Admission.Refused r && !r.tooOld()) {
            reply = TxReplies.forRefusal(store, miningHead(), tx, r, complaints);
        } else if (a.status() == PendingPool.Status.WAITING) {
            placement.wantUnknownInputs(miningHead(), tx, wants);
        }
        if (a.status() == PendingPool.Status.READY
                || a.status() == PendingPool.Status.WAITING
                || a.status() == PendingPool.Status.POLICY_DROPPED) {
            Hash256 txid = TxHashes.txid(tx);
            for (TxSlot s : List.copyOf(store.slotsOf(txid))) {
                if (store.shard(s.block(), s.shard()).hashOnly(s.txoff())
                        && !s.block().invalid()) {
                    placement.tryResolve(s, wants);
                }
            }
        }
        afterEvent();
        return new TxSubmission(a, reply, List.copyOf(wants.txs), wants.complaint, log.take());
    }

    /** What {@link #submitTx} did: the pool's verdict, the notice to send back, inputs to fetch, events. */
    public record TxSubmission(
            PendingPool.Admission admission,
            Optional<Packet> reply,
            List<Hash256> wantedTxs,
            Optional<ComplaintPacket> complaint,
            List<ChainEvent> events) {
        public TxSubmission {
            wantedTxs = List.copyOf(wantedTxs);
            events = List.copyOf(events);
        }
    }

    /**
     * The txs of shards we hold: only those may go back to pending (the pool cannot check the
     * others' inputs, docs/c-differences.md #52).
     */
    private List<Tx> held(List<Tx> txs) {
        return interests.holdsAll() ? txs : txs.stream().filter(this::holdsTx).toList();
    }

    /** Runs the pending recheck if something changed, as C does after every packet. */
    private void afterEvent() {
        pending.recheck();
    }

    /** Hears the heads move: abandoned-branch txs return to pending, and pending is rechecked. */
    private final class HeadsListener implements ChainListener {
        @Override
        public void knownHeadChanged(BlockNode oldHead, BlockNode newHead) {
            log.add(new ChainEvent.HeadsMoved(oldHead, newHead, log.origin()));
            pending.markForRecheck();
            // C's chain.c steal_pending_txs: every block of the abandoned branch gives its txs back.
            for (BlockNode b = oldHead; !b.precedes(newHead); b = b.parent().orElseThrow()) {
                pending.returnFromBlock(held(store.fullTxsOf(b)));
            }
        }

        @Override
        public void pendingNeedsRecheck() {
            pending.markForRecheck();
        }

        @Override
        public void newLongest(BlockNode block) {
            int unknown = block.pendingFeatures() & ~knownFeatures;
            if (unknown != 0) {
                log.add(new ChainEvent.UnknownFeaturesPending(block, unknown, log.origin()));
            }
        }
    }
}
