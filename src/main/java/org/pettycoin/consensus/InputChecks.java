package org.pettycoin.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.TransferTx;
import org.pettycoin.protocol.Tx;

/**
 * Input resolution, double spends and input refs (C's check_tx.c check_tx_inputs,
 * tx_find_doublespend, input_refs.c, create_refs.c): a tx's inputs are looked up in the block it
 * would sit in and that block's ancestors, spends are searched for along the whole chain through
 * that block (ancestors and descendants both), and refs point at the input txs' slots.
 */
public final class InputChecks {
    /** create_refs leaves out inputs whose block expires within this many seconds of now. */
    public static final long REF_EXPIRY_MARGIN_SECS = 3600;

    private InputChecks() {}

    /**
     * {@code check_tx_inputs(block, me, tx)}: whether {@code tx}'s inputs, as seen from {@code block},
     * exist, belong to its signer, are unspent and add up. A refusal on a later input wins over an
     * earlier unknown one.
     *
     * @param me the tx's own slot, whose spends are not a double spend; empty when not placed yet
     * @param claims the rule a TX_CLAIM's input is judged by where the tx is checked (Feature.REWARDS)
     */
    public static InputVerdict check(TxView view, BlockNode block, Optional<TxSlot> me, Tx tx, ClaimRule claims) {
        if (tx instanceof FromGatewayTx) {
            return InputVerdict.OK;
        }
        List<Input> inputs = tx.inputs();
        long total = 0;
        int known = 0;
        int lastUnknown = -1;
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            Optional<KnownTx> found = view.findInChain(block, in.txid());
            if (found.isEmpty() || !found.get().full()) {
                lastUnknown = i;
                continue;
            }
            Tx inputTx = found.get().tx().orElseThrow();
            long amount;
            if (tx instanceof ClaimTx claim) {
                TxSlot r = found.get().slot();
                Optional<Long> worth = claims.worth(claim, r.block(), new Rewards.Slot(r.shard(), r.txoff()), inputTx);
                if (worth.isEmpty()) {
                    return InputVerdict.of(InputVerdict.Kind.CLAIM_BAD, i);
                }
                amount = worth.get();
            } else {
                Optional<TxOutputs.Output> out = TxOutputs.checkSimpleInput((TransferTx) tx, inputTx, in.output());
                if (out.isEmpty()) {
                    return InputVerdict.of(InputVerdict.Kind.BAD, i);
                }
                amount = out.get().amount();
            }
            Optional<TxSlot> other = findDoubleSpend(view, block, me, in);
            if (other.isPresent()) {
                return new InputVerdict(InputVerdict.Kind.DOUBLESPEND, i, other);
            }
            known++;
            total += amount;
        }
        if (known < inputs.size()) {
            return InputVerdict.of(InputVerdict.Kind.UNKNOWN, lastUnknown);
        }
        if (!TxAmounts.correctAmount(tx, total)) {
            return InputVerdict.of(
                    tx instanceof ClaimTx ? InputVerdict.Kind.CLAIM_BAD : InputVerdict.Kind.BAD_AMOUNT, -1);
        }
        return InputVerdict.OK;
    }

    /**
     * {@code tx_find_doublespend}: a slot, other than {@code me}, of a full tx spending {@code spent}
     * in {@code block}, an ancestor of it or a descendant of it. C passes no {@code me} when it looks
     * for the other spend to blame while rechecking and may find the tx itself; we always exclude it
     * (docs/c-differences.md #18).
     */
    public static Optional<TxSlot> findDoubleSpend(TxView view, BlockNode block, Optional<TxSlot> me, Input spent) {
        for (TxSlot s : view.spendingSlots(spent)) {
            if (me.map(s::equals).orElse(false)) {
                continue;
            }
            if (s.block().precedes(block) || block.precedes(s.block())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code check_tx_refs}: each ref's slot must hold the txid its input names. A wrong txid is
     * BAD_HASH at once; unknown slots make the result UNKNOWN (first unknown reported) unless a
     * later ref is bad. The refs must already have passed {@link RefChecks#checkRefs}.
     */
    public static RefVerdict checkRefContents(TxView view, BlockNode block, Tx tx, List<InputRef> refs) {
        int firstUnknown = -1;
        List<Input> inputs = tx.inputs();
        for (int i = 0; i < refs.size(); i++) {
            InputRef ref = refs.get(i);
            TxSlot slot = new TxSlot(block.ancestor(ref.blocksAgo()).orElseThrow(), ref.shard(), ref.txoff());
            Optional<Hash256> txid = view.slotTxid(slot);
            if (txid.isEmpty()) {
                if (firstUnknown < 0) {
                    firstUnknown = i;
                }
            } else if (!txid.get().equals(inputs.get(i).txid())) {
                return new RefVerdict(RefVerdict.Kind.BAD_HASH, i);
            }
        }
        return firstUnknown < 0
                ? new RefVerdict(RefVerdict.Kind.OK, -1)
                : new RefVerdict(RefVerdict.Kind.UNKNOWN, firstUnknown);
    }

    /**
     * {@code create_refs(block, tx, offset)}: refs for {@code tx} placed {@code offset} blocks after
     * {@code block} (1 for a pending tx mined on {@code block}, 0 for a tx already in it). Empty if an
     * input is not in {@code block}'s chain, or its block expires within an hour of {@code now}.
     */
    public static Optional<List<InputRef>> createRefs(TxView view, BlockNode block, Tx tx, int offset, long now) {
        List<InputRef> refs = new ArrayList<>(tx.inputs().size());
        for (Input in : tx.inputs()) {
            Optional<KnownTx> found = view.findInChain(block, in.txid());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            TxSlot s = found.get().slot();
            if (Horizon.expiredBy(Horizon.expiry(s.block().block()), now + REF_EXPIRY_MARGIN_SECS)) {
                return Optional.empty();
            }
            refs.add(new InputRef(block.height() - s.block().height() + offset, s.shard(), s.txoff()));
        }
        return Optional.of(refs);
    }
}
