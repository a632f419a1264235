package org.pettycoin.chainstate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.consensus.InputVerdict;
import org.pettycoin.consensus.KnownTx;
import org.pettycoin.consensus.TxNotice;
import org.pettycoin.consensus.TxSlot;
import org.pettycoin.protocol.ComplainBadInputRefPacket;
import org.pettycoin.protocol.ComplainClaimInputInvalidPacket;
import org.pettycoin.protocol.ComplainDoublespendPacket;
import org.pettycoin.protocol.ComplainTxBadAmountPacket;
import org.pettycoin.protocol.ComplainTxBadInputPacket;
import org.pettycoin.protocol.ComplainTxMisorderPacket;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.Proof;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxWithProof;

/**
 * Builds the complaint that proves a block invalid from what the {@link TxStore} holds (as C's
 * check_tx_inputs_and_refs and complain.c raise them): every tx named is full and every slot
 * provable, or no complaint is built.
 */
final class ComplaintBuilder {
    /** A complaint and the block it proves invalid. */
    record Raised(BlockNode against, ComplaintPacket complaint) {}

    private final TxStore store;

    ComplaintBuilder(TxStore store) {
        this.store = store;
    }

    /** The proven form of the full tx in a slot: its proof, the tx and its refs. */
    Optional<TxWithProof> proven(TxSlot slot) {
        Optional<Tx> tx = store.txAt(slot);
        Optional<Proof> proof = store.proofOf(slot);
        if (tx.isEmpty() || proof.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TxWithProof(
                proof.get(), tx.get(), store.shard(slot.block(), slot.shard()).refs(slot.txoff())));
    }

    /**
     * The complaint for a refused input verdict on {@code tx} (proven as {@code mine}) in block
     * {@code block}. For a double spend the later of the two blocks is blamed; C may blame the
     * wrong one when rechecking a placed tx (docs/c-differences.md #18), we never pick the tx's own slot.
     */
    Optional<Raised> forInputs(BlockNode block, TxWithProof mine, InputVerdict v) {
        Tx tx = mine.tx();
        return switch (v.kind()) {
            case BAD ->
                inputTx(block, tx.inputs().get(v.input()))
                        .map(in -> new Raised(block, new ComplainTxBadInputPacket(v.input(), mine, in)));
            case BAD_AMOUNT ->
                allInputTxs(tx, in -> inputTx(block, in))
                        .map(inputs -> new Raised(block, new ComplainTxBadAmountPacket(mine, inputs)));
            case CLAIM_BAD ->
                store.findInChain(block, tx.inputs().get(0).txid())
                        .map(KnownTx::slot)
                        .flatMap(this::proven)
                        .map(reward -> new Raised(block, new ComplainClaimInputInvalidPacket(mine, reward)));
            case DOUBLESPEND -> {
                TxSlot other = v.conflict().orElseThrow();
                yield proven(other).map(theirs -> doubleSpend(block, mine, v.input(), other, theirs));
            }
            default -> Optional.empty();
        };
    }

    /** Every input's tx, in input order, or empty if {@code find} lacks any of them. */
    static Optional<List<Tx>> allInputTxs(Tx tx, Function<Input, Optional<Tx>> find) {
        List<Tx> inputs = new ArrayList<>();
        for (Input in : tx.inputs()) {
            Optional<Tx> t = find.apply(in);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            inputs.add(t.get());
        }
        return Optional.of(inputs);
    }

    private Raised doubleSpend(BlockNode block, TxWithProof mine, int myInput, TxSlot other, TxWithProof theirs) {
        Input spent = mine.tx().inputs().get(myInput);
        int theirInput = inputSpending(theirs.tx(), spent);
        if (other.block().precedes(block)) {
            return new Raised(block, new ComplainDoublespendPacket(theirInput, myInput, theirs, mine));
        }
        return new Raised(other.block(), new ComplainDoublespendPacket(myInput, theirInput, mine, theirs));
    }

    /** A bad input ref: input {@code input}'s ref points at a slot holding another tx. */
    Optional<Raised> forBadRef(BlockNode block, TxWithProof mine, int input, TxSlot referred) {
        return proven(referred).map(r -> new Raised(block, new ComplainBadInputRefPacket(input, mine, r)));
    }

    /** Two full txs of one shard out of canonical order: the new one first, as C sends it. */
    Optional<Raised> forMisorder(BlockNode block, TxWithProof mine, TxSlot neighbour) {
        return proven(neighbour).map(n -> new Raised(block, new ComplainTxMisorderPacket(mine, n)));
    }

    /**
     * The complaints a checked tx notice calls for (C's peer.c recv_tx_bad_input and friends): one
     * against every valid block holding the tx in full (hash-only slots have no refs to prove), and
     * for a double spend one against the later of every pair of blocks on one chain holding the two
     * txs.
     */
    List<Raised> forNotice(TxNotice notice) {
        List<Raised> out = new ArrayList<>();
        if (notice instanceof TxNotice.BadInput b) {
            for (TxSlot s : fullSlotsOf(b.txid())) {
                proven(s)
                        .ifPresent(p -> out.add(
                                new Raised(s.block(), new ComplainTxBadInputPacket(b.inputNum(), p, b.input()))));
            }
        } else if (notice instanceof TxNotice.BadAmount b) {
            for (TxSlot s : fullSlotsOf(b.txid())) {
                proven(s).ifPresent(p -> out.add(new Raised(s.block(), new ComplainTxBadAmountPacket(p, b.inputs()))));
            }
        } else {
            TxNotice.Doublespend d = (TxNotice.Doublespend) notice;
            addPairs(d.a(), d.b(), out);
            addPairs(d.b(), d.a(), out);
        }
        return out;
    }

    private void addPairs(TxNotice.Spend earlier, TxNotice.Spend later, List<Raised> out) {
        for (TxSlot e : fullSlotsOf(earlier.txid())) {
            for (TxSlot l : fullSlotsOf(later.txid())) {
                if (!e.block().precedes(l.block())) {
                    continue;
                }
                Optional<TxWithProof> pe = proven(e);
                Optional<TxWithProof> pl = proven(l);
                if (pe.isPresent() && pl.isPresent()) {
                    out.add(new Raised(
                            l.block(),
                            new ComplainDoublespendPacket(earlier.inputNum(), later.inputNum(), pe.get(), pl.get())));
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

    private Optional<Tx> inputTx(BlockNode block, Input in) {
        return store.findInChain(block, in.txid()).flatMap(KnownTx::tx);
    }

    private static int inputSpending(Tx tx, Input spent) {
        Outpoint o = Outpoint.of(spent);
        for (int i = 0; i < tx.inputs().size(); i++) {
            if (Outpoint.of(tx.inputs().get(i)).equals(o)) {
                return i;
            }
        }
        throw new IllegalStateException("the other spend does not spend " + o);
    }
}
