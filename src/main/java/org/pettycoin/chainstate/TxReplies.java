package org.pettycoin.chainstate;

import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.consensus.InputVerdict;
import org.pettycoin.consensus.KnownTx;
import org.pettycoin.consensus.TxSlot;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxBadAmountPacket;
import org.pettycoin.protocol.TxBadInputPacket;
import org.pettycoin.protocol.TxDoublespendPacket;
import org.pettycoin.protocol.TxInBlockPacket;

/**
 * The notice that answers a PKT_TX the pending pool refused (C's peer.c recv_tx and its
 * tell_peer_about_* helpers): the proof a peer needs to see why, built from what we hold. Empty
 * when we cannot prove it.
 */
final class TxReplies {
    private TxReplies() {}

    static Optional<Packet> forRefusal(
            TxStore store, BlockNode head, Tx tx, PendingPool.Admission.Refused a, ComplaintBuilder complaints) {
        InputVerdict v = a.verdict();
        return switch (v.kind()) {
            case BAD ->
                inputTx(store, head, tx.inputs().get(v.input())).map(in -> new TxBadInputPacket(v.input(), tx, in));
            case BAD_AMOUNT ->
                ComplaintBuilder.allInputTxs(tx, in -> inputTx(store, head, in))
                        .map(inputs -> new TxBadAmountPacket(tx, inputs));
            case DOUBLESPEND -> {
                if (a.pendingConflict().isPresent()) {
                    PendingPool.PendingSpend other = a.pendingConflict().get();
                    yield Optional.of(new TxDoublespendPacket(other.input(), v.input(), other.tx(), tx));
                }
                TxSlot slot = v.conflict().orElseThrow();
                Input spent = tx.inputs().get(v.input());
                yield store.txAt(slot)
                        .map(other -> new TxDoublespendPacket(spendingInput(other, spent), v.input(), other, tx));
            }
            case CLAIM_BAD ->
                store.findInChain(head, tx.inputs().get(0).txid())
                        .map(KnownTx::slot)
                        .flatMap(complaints::proven)
                        .map(TxInBlockPacket::new);
            default -> Optional.empty();
        };
    }

    private static Optional<Tx> inputTx(TxStore store, BlockNode head, Input in) {
        return store.findInChain(head, in.txid()).flatMap(KnownTx::tx);
    }

    private static int spendingInput(Tx tx, Input spent) {
        for (int i = 0; i < tx.inputs().size(); i++) {
            if (Outpoint.of(tx.inputs().get(i)).equals(Outpoint.of(spent))) {
                return i;
            }
        }
        throw new IllegalStateException("the other spend does not spend " + Outpoint.of(spent));
    }
}
