package org.pettycoin.consensus;

import java.util.Optional;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.TxBadAmountPacket;
import org.pettycoin.protocol.TxBadInputPacket;
import org.pettycoin.protocol.TxDoublespendPacket;

/**
 * The stateless half of the notices a peer sends when it refuses one of our pending txs (packets
 * 21–23; C's peer.c recv_tx_bad_input and friends): is the notice itself right? Every tx
 * travels bare and is checked with {@code check_tx(·, NULL)}. Acting on a valid notice needs the
 * pending pool and the tx index, so it is the node's.
 */
public final class TxNoticeChecks {
    private final TxChecks txChecks;
    private final InputProblems inputs;

    public TxNoticeChecks(TxChecks txChecks) {
        this.txChecks = txChecks;
        this.inputs = new InputProblems(txChecks);
    }

    /**
     * TX_BAD_INPUT (21): checked as the block complaint of the same name (C's verify_problem_input).
     *
     * @throws ProtocolException a tx's {@code check_tx} ecode, BAD_INPUTNUM, BAD_INPUT, or
     *     COMPLAINT_INVALID if the input is good
     */
    public TxNotice.BadInput checkBadInput(TxBadInputPacket p) throws ProtocolException {
        txChecks.checkPending(p.tx());
        inputs.checkInputTx(p.input());
        if (InputProblems.spentOutput(p.tx(), p.inputNum(), p.input()).isPresent()) {
            throw new ProtocolException(ErrorCode.COMPLAINT_INVALID, "input " + p.inputNum() + " is good");
        }
        return new TxNotice.BadInput(TxHashes.txid(p.tx()), p.tx(), (int) p.inputNum(), p.input());
    }

    /**
     * TX_BAD_AMOUNT (22): checked as the block complaint (C's unmarshal_and_check_bad_amount), with the fee
     * counted (docs/c-differences.md #22).
     */
    public TxNotice.BadAmount checkBadAmount(TxBadAmountPacket p) throws ProtocolException {
        txChecks.checkPending(p.tx());
        inputs.checkBadAmount(p.tx(), p.inputs());
        return new TxNotice.BadAmount(TxHashes.txid(p.tx()), p.tx(), p.inputs());
    }

    /**
     * Whether a C node would take this TX_BAD_AMOUNT notice as valid: its recv_complain.c
     * unmarshal_and_check_bad_amount leaves the fee out and refuses (COMPLAINT_INVALID, then hangs
     * up) a notice whose good inputs add up to exactly the amount sent, which is the honest notice
     * about a tx that owes a fee and pays none (docs/c-differences.md #22). Any other fault the
     * notice has would make C refuse it as it makes us.
     */
    public static boolean cTakesBadAmount(TxBadAmountPacket p) {
        long total = 0;
        try {
            for (int i = 0; i < p.inputs().size(); i++) {
                Optional<TxOutputs.Output> out =
                        InputProblems.spentOutput(p.tx(), i, p.inputs().get(i));
                if (out.isEmpty()) {
                    return false;
                }
                total += out.get().amount();
            }
        } catch (ProtocolException e) {
            return false;
        }
        // C sums in a u32, as TxAmounts does.
        return !p.inputs().isEmpty() && (total & 0xffffffffL) != TxAmounts.amountSent(p.tx());
    }

    /**
     * TX_DOUBLESPEND (23): the two inputs spend one output. The txs must differ (docs/c-differences.md #21): C
     * takes a tx against itself and would condemn every block holding it. On success C still answers
     * BAD_INPUT and hangs up (#24); returning normally here means "no error".
     *
     * @throws ProtocolException a tx's {@code check_tx} ecode, BAD_INPUTNUM, BAD_INPUT if the inputs
     *     differ, COMPLAINT_INVALID if it is one tx twice
     */
    public TxNotice.Doublespend checkDoublespend(TxDoublespendPacket p) throws ProtocolException {
        txChecks.checkPending(p.tx1());
        Input input1 = InputProblems.input(p.tx1(), p.input1());
        txChecks.checkPending(p.tx2());
        Input input2 = InputProblems.input(p.tx2(), p.input2());
        if (!input1.txid().equals(input2.txid()) || input1.output() != input2.output()) {
            throw new ProtocolException(ErrorCode.BAD_INPUT, "the inputs spend different outputs");
        }
        TxNotice.Spend a = new TxNotice.Spend(TxHashes.txid(p.tx1()), p.tx1(), (int) p.input1());
        TxNotice.Spend b = new TxNotice.Spend(TxHashes.txid(p.tx2()), p.tx2(), (int) p.input2());
        if (a.txid().equals(b.txid())) {
            throw new ProtocolException(ErrorCode.COMPLAINT_INVALID, "a tx does not double-spend against itself");
        }
        return new TxNotice.Doublespend(a, b);
    }
}
