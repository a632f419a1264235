package org.pettycoin.chainstate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Feature;
import org.pettycoin.consensus.ClaimRule;
import org.pettycoin.consensus.InputChecks;
import org.pettycoin.consensus.InputVerdict;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxShards;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.Tx;

/**
 * The txs waiting for a block (C's pending.c): per initial shard, up to 255 txs whose inputs are all
 * in the mining chain ({@code longest_knowns[0]}), sorted in canonical order with their refs for a
 * child of that head; and a FIFO of txs not placeable yet (unknown inputs, a full shard, or txs from
 * an abandoned or invalidated branch waiting for a recheck). Every pending tx is indexed in the
 * {@link TxStore} like a full copy, and removed from it when it leaves (C leaves dangling entries:
 * docs/c-differences.md #26).
 */
public final class PendingPool {
    /** At most this many txs per shard of a block (num_txs is a u8). */
    public static final int MAX_PER_SHARD = 255;

    private static final int SHARDS = 1 << Protocol.INITIAL_SHARD_ORDER;

    /** A tx ready for the next block, with its refs relative to that block. */
    public record Ready(Hash256 txid, Tx tx, List<InputRef> refs) {}

    /**
     * Most txs kept waiting (unknown inputs and the like). C keeps them without limit ("FIXME: time
     * out or limit"); a peer can make up such txs for free, so the oldest goes when a new one comes.
     * 20,000 is about 80 full blocks' worth, some 5 MiB.
     */
    public static final int MAX_WAITING = 20_000;

    /** Local fee policy ({@code --require-fees}, {@code --require-gateway-fees}): not consensus. */
    public record Policy(boolean requireFees, boolean requireGatewayFees) {
        public static final Policy ACCEPT_ALL = new Policy(false, false);
    }

    /** The outcome of offering a tx to the pool. */
    public enum Status {
        /** Ready for the next block. */
        READY,
        /** Kept, but some input is not in the mining chain yet (or its shard was full). */
        WAITING,
        /** Already pending or already in the mining chain: nothing done, nothing to relay. */
        ALREADY_KNOWN,
        /** Valid but dropped by the fee policy; C still relays it. */
        POLICY_DROPPED,
        /** Refused: see the verdict (and the pending conflict for a double spend). */
        REFUSED,
        /**
         * Of a shard this node does not hold: its inputs cannot be checked here, so it is not kept,
         * only relayed to peers that want it (docs/c-differences.md #52).
         */
        NOT_HELD
    }

    /**
     * What admission decided for one tx: each outcome carries only what it means. Every one has the
     * input check against the mining chain ({@link InputVerdict#OK} when nothing needed checking).
     */
    public sealed interface Admission {
        Status status();

        InputVerdict verdict();

        /** Whether the pool holds the tx now (ready or waiting). */
        default boolean kept() {
            return status() == Status.READY || status() == Status.WAITING;
        }

        /** Ready for the next block. */
        record Ready(InputVerdict verdict) implements Admission {
            @Override
            public Status status() {
                return Status.READY;
            }
        }

        /** Kept until an input is in the mining chain (the verdict names it) or its shard has room. */
        record Waiting(InputVerdict verdict) implements Admission {
            @Override
            public Status status() {
                return Status.WAITING;
            }
        }

        /** Of a shard we do not hold: not kept, only relayed (docs/c-differences.md #52). */
        record NotHeld() implements Admission {
            @Override
            public Status status() {
                return Status.NOT_HELD;
            }

            @Override
            public InputVerdict verdict() {
                return InputVerdict.OK;
            }
        }

        /** Already pending or in the mining chain: nothing done. */
        record AlreadyKnown() implements Admission {
            @Override
            public Status status() {
                return Status.ALREADY_KNOWN;
            }

            @Override
            public InputVerdict verdict() {
                return InputVerdict.OK;
            }
        }

        /** Valid (or waiting on an input, as the verdict says) but dropped by the fee policy. */
        record PolicyDropped(InputVerdict verdict) implements Admission {
            @Override
            public Status status() {
                return Status.POLICY_DROPPED;
            }
        }

        /**
         * Refused for the verdict.
         *
         * @param pendingConflict for a double spend against another pending tx: that tx and its input
         * @param tooOld refused because an input's block expires within the hour ({@code too_old})
         */
        record Refused(InputVerdict verdict, Optional<PendingSpend> pendingConflict, boolean tooOld)
                implements Admission {
            @Override
            public Status status() {
                return Status.REFUSED;
            }
        }
    }

    /** A pending tx spending the same output as the refused one, through its input {@code input}. */
    public record PendingSpend(Tx tx, int input) {}

    private final TxStore store;
    private final Supplier<BlockNode> miningHead;
    private final LongSupplier nowSeconds;
    private final Policy policy;
    private final List<List<Ready>> ready = new ArrayList<>(SHARDS);
    private final LinkedHashMap<Hash256, Tx> waiting = new LinkedHashMap<>();
    private final Map<Hash256, Tx> all = new java.util.HashMap<>();
    private final int maxWaiting;
    private final int knownFeatures;
    private boolean needsRecheck;

    /** Knowing every feature of this build. */
    PendingPool(TxStore store, Supplier<BlockNode> miningHead, LongSupplier nowSeconds, Policy policy, int maxWaiting) {
        this(store, miningHead, nowSeconds, policy, maxWaiting, Feature.allBits());
    }

    PendingPool(
            TxStore store,
            Supplier<BlockNode> miningHead,
            LongSupplier nowSeconds,
            Policy policy,
            int maxWaiting,
            int knownFeatures) {
        this.maxWaiting = maxWaiting;
        this.knownFeatures = knownFeatures;
        this.store = store;
        this.miningHead = miningHead;
        this.nowSeconds = nowSeconds;
        this.policy = policy;
        for (int s = 0; s < SHARDS; s++) {
            ready.add(new ArrayList<>());
        }
    }

    public int size() {
        return all.size();
    }

    public boolean contains(Hash256 txid) {
        return all.containsKey(txid);
    }

    public Optional<Tx> get(Hash256 txid) {
        return Optional.ofNullable(all.get(txid));
    }

    /** The txs for a child of the mining head, shard by shard, in canonical order with their refs. */
    public List<List<Ready>> forNextBlock() {
        List<List<Ready>> out = new ArrayList<>(SHARDS);
        ready.forEach(r -> out.add(List.copyOf(r)));
        return out;
    }

    /** Txs ready for the next block in each shard, shard 0 first (as many entries as shards). */
    public List<Integer> readyPerShard() {
        List<Integer> out = new ArrayList<>(SHARDS);
        ready.forEach(r -> out.add(r.size()));
        return out;
    }

    /** How many txs are kept but not ready. */
    public int waitingCount() {
        return waiting.size();
    }

    /** Txs kept but not ready, oldest first. */
    public List<Tx> waiting() {
        return List.copyOf(waiting.values());
    }

    void markForRecheck() {
        needsRecheck = true;
    }

    boolean needsRecheck() {
        return needsRecheck;
    }

    /** {@code add_pending_tx} (C's pending.c); the tx has passed {@code check_tx} already. */
    public Admission add(Tx tx) {
        Hash256 txid = TxHashes.txid(tx);
        BlockNode head = miningHead.get();
        if (all.containsKey(txid) || store.findInChain(head, txid).isPresent()) {
            return new Admission.AlreadyKnown();
        }
        // A claim is judged for the child of the head it would be mined in (Feature.REWARDS).
        InputVerdict v =
                InputChecks.check(store, head, Optional.empty(), tx, ClaimRule.forChildOf(head, knownFeatures));
        Optional<PendingSpend> conflict = Optional.empty();
        if (v.ok()) {
            conflict = pendingSpendOfAnInput(tx);
            if (conflict.isPresent()) {
                // C looks this other spend up among blocks, finds none and crashes (docs/c-differences.md #25).
                v = InputVerdict.of(InputVerdict.Kind.DOUBLESPEND, inputSpentBy(tx, conflict.get()));
            }
        }
        if (v.refused()) {
            return new Admission.Refused(v, conflict, false);
        }
        if (droppedByPolicy(tx)) {
            return new Admission.PolicyDropped(v);
        }
        if (v.kind() == InputVerdict.Kind.UNKNOWN) {
            keepWaiting(txid, tx);
            return new Admission.Waiting(v);
        }
        List<Ready> shard = ready.get(TxShards.shardOf(tx, Protocol.INITIAL_SHARD_ORDER));
        if (shard.size() == MAX_PER_SHARD) {
            keepWaiting(txid, tx);
            return new Admission.Waiting(v);
        }
        Optional<List<InputRef>> refs = InputChecks.createRefs(store, head, tx, 1, nowSeconds.getAsLong());
        if (refs.isEmpty()) {
            return new Admission.Refused(InputVerdict.of(InputVerdict.Kind.BAD, 0), Optional.empty(), true);
        }
        Ready r = new Ready(txid, tx, refs.get());
        int at = Collections.binarySearch(shard, r, (a, b) -> TxShards.CANONICAL_ORDER.compare(a.tx(), b.tx()));
        shard.add(at < 0 ? -at - 1 : at, r);
        index(txid, tx);
        return new Admission.Ready(v);
    }

    private boolean droppedByPolicy(Tx tx) {
        boolean gateway = tx instanceof FromGatewayTx;
        return !tx.paysFee() && (gateway ? policy.requireGatewayFees() : policy.requireFees());
    }

    private void keepWaiting(Hash256 txid, Tx tx) {
        if (waiting.size() >= maxWaiting) {
            drop(waiting.keySet().iterator().next());
        }
        waiting.put(txid, tx);
        index(txid, tx);
    }

    private void index(Hash256 txid, Tx tx) {
        all.put(txid, tx);
        store.addPendingCopy(txid, tx);
    }

    private Optional<PendingSpend> pendingSpendOfAnInput(Tx tx) {
        for (Input in : tx.inputs()) {
            for (Hash256 spender : store.spenderTxids(Outpoint.of(in))) {
                Tx other = all.get(spender);
                if (other != null) {
                    return Optional.of(new PendingSpend(other, inputSpending(other, Outpoint.of(in))));
                }
            }
        }
        return Optional.empty();
    }

    private static int inputSpentBy(Tx tx, PendingSpend other) {
        Input theirs = other.tx().inputs().get(other.input());
        return inputSpending(tx, new Outpoint(theirs.txid(), theirs.output()));
    }

    private static int inputSpending(Tx tx, Outpoint o) {
        List<Input> inputs = tx.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            if (Outpoint.of(inputs.get(i)).equals(o)) {
                return i;
            }
        }
        throw new IllegalStateException("tx does not spend " + o);
    }

    /**
     * Queues txs of a block leaving the mining chain (C's {@code block_to_pending}); the
     * next recheck decides whether they are still valid.
     */
    void returnFromBlock(List<Tx> txs) {
        for (Tx tx : txs) {
            Hash256 txid = TxHashes.txid(tx);
            if (!all.containsKey(txid)) {
                keepWaiting(txid, tx);
            }
        }
        needsRecheck = true;
    }

    /** {@code drop_pending_tx}: forget a tx everywhere (docs/c-differences.md #26). */
    public boolean drop(Hash256 txid) {
        Tx tx = all.remove(txid);
        if (tx == null) {
            return false;
        }
        if (waiting.remove(txid) == null) {
            ready.get(TxShards.shardOf(tx, Protocol.INITIAL_SHARD_ORDER))
                    .removeIf(r -> r.txid().equals(txid));
        }
        store.removePendingCopy(txid);
        return true;
    }

    /**
     * {@code recheck_pending_txs} (C's pending.c): re-admit everything against the current mining
     * head, ready txs first (shard then canonical order), then the waiting ones oldest first; those now
     * refused or already in the chain leave. Returns whether a recheck ran.
     */
    boolean recheck() {
        if (!needsRecheck) {
            return false;
        }
        needsRecheck = false;
        List<Tx> again = new ArrayList<>(all.size());
        ready.forEach(r -> r.forEach(x -> again.add(x.tx())));
        again.addAll(waiting.values());
        for (Hash256 txid : List.copyOf(all.keySet())) {
            store.removePendingCopy(txid);
        }
        all.clear();
        waiting.clear();
        ready.forEach(List::clear);
        again.forEach(this::add);
        // Re-admission may mark a recheck again only through the chain, never through itself.
        needsRecheck = false;
        return true;
    }
}
