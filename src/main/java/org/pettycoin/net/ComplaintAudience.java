package org.pettycoin.net;

import org.pettycoin.consensus.TxNoticeChecks;
import org.pettycoin.protocol.ComplainDoublespendPacket;
import org.pettycoin.protocol.ComplainTxInvalidPacket;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.Position;
import org.pettycoin.protocol.TxBadAmountPacket;
import org.pettycoin.protocol.TxDoublespendPacket;
import org.pettycoin.protocol.WelcomePacket;

/**
 * Which complaints and tx notices a peer can take (docs/c-differences.md #53). A C node refuses some
 * honest ones with an ERR and hangs up on us, so they are never sent to it; every other packet goes
 * to every peer alike. This is the one place that rule lives: {@link Peer#send} and the complaint
 * broadcast in {@link PeerNetwork} ask {@link #accepts}.
 */
enum ComplaintAudience {
    /** A node of ours: parses and checks every complaint and notice as we do. */
    OURS,
    /**
     * Any other node, taken to be the C node (its moniker is "ICBINB! " and its git version; an
     * unknown implementation gets the safe subset too).
     */
    C_NODE;

    /** A peer whose WELCOME carries our exact moniker is ours; any other is treated as C. */
    static ComplaintAudience of(WelcomePacket w) {
        return ofMoniker(w.monikerText());
    }

    /** {@link #of} by the WELCOME's moniker text alone. */
    static ComplaintAudience ofMoniker(String moniker) {
        return moniker.equals(Handshake.MONIKER) ? OURS : C_NODE;
    }

    /**
     * Whether {@code p} may be sent to a peer of this kind. A C node (its recv_complain.c and peer.c)
     * cannot take:
     *
     * <ul>
     *   <li>a complaint carrying a proven tx (COMPLAIN_TX_MISORDER, _TX_BAD_INPUT, _DOUBLESPEND,
     *       _BAD_INPUT_REF, _TX_BAD_AMOUNT, _CLAIM_INPUT_INVALID): unmarshal_proven_tx parses the tx
     *       from the proof's first byte, so the "tx" fails unmarshal_tx (docs/c-differences.md #20);
     *   <li>a COMPLAIN_TX_INVALID with refs: recv_complain_tx_invalid requires nothing after the tx
     *       blob and answers INVALID_LEN (#23);
     *   <li>TX_DOUBLESPEND: recv_tx_doublespend answers BAD_INPUT even when it is right (#24);
     *   <li>a TX_BAD_AMOUNT about a tx whose inputs pay exactly the amount sent, i.e. one that owes a
     *       fee it does not pay: C leaves the fee out and answers COMPLAINT_INVALID (#22).
     * </ul>
     *
     * TX_BAD_INPUT and every other packet it takes as we do.
     */
    boolean accepts(Packet p) {
        if (this == OURS) {
            return true;
        }
        if (p instanceof ComplainTxInvalidPacket invalid) {
            return invalid.refs().size() == 0;
        } else if (p instanceof ComplaintPacket) {
            return false;
        } else if (p instanceof TxDoublespendPacket) {
            return false;
        } else if (p instanceof TxBadAmountPacket b) {
            return TxNoticeChecks.cTakesBadAmount(b);
        }
        return true;
    }

    /**
     * Whether a complaint from a peer of this kind that our checks refused is an honest node's
     * mistake rather than a forgery: a C node's check_block.c check_tx_inputs_and_refs looks for the
     * other spend without excluding the tx itself (docs/c-differences.md #18), finds it, and sends a
     * COMPLAIN_DOUBLESPEND proving one slot twice. It is still refused (#21); the sender is kept.
     */
    boolean mistakeOfAnHonestNode(ComplaintPacket p) {
        return this == C_NODE
                && p instanceof ComplainDoublespendPacket d
                && samePlace(d.tx1().proof().position(), d.tx2().proof().position());
    }

    /** Block, shard and txoff ({@code unused} is not part of where a tx is, as ComplaintChecks has it). */
    private static boolean samePlace(Position a, Position b) {
        return a.block().equals(b.block()) && a.shard() == b.shard() && a.txoff() == b.txoff();
    }
}
