package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.pettycoin.consensus.ComplaintChain.GA;
import static org.pettycoin.consensus.ComplaintChain.GA2;
import static org.pettycoin.consensus.ComplaintChain.GB;
import static org.pettycoin.consensus.ComplaintChain.alicePays;
import static org.pettycoin.consensus.ComplaintChain.out;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.Signature;
import org.pettycoin.protocol.TxBadAmountPacket;
import org.pettycoin.protocol.TxBadInputPacket;
import org.pettycoin.protocol.TxDoublespendPacket;

/** The pending-tx notices TX_BAD_INPUT, TX_BAD_AMOUNT and TX_DOUBLESPEND (C's peer.c recv_tx_bad_input and friends). */
class TxNoticeChecksTest {
    private static final TxNoticeChecks CHECKS = new TxNoticeChecks(new TxChecks());
    private static final NormalTx SPEND1 = alicePays(500, 498, true, out(GA, 0));
    private static final NormalTx SPEND2 = alicePays(300, 700, false, out(GA, 0));
    private static final NormalTx SHORT = alicePays(500, 499, false, out(GA, 0));
    private static final NormalTx PAIR = alicePays(1500, 0, false, out(GA2, 0), out(GA, 0));
    private static final NormalTx STEAL = alicePays(700, 0, false, out(GB, 0));

    private static ErrorCode refusal(ThrowingCallable check) {
        Throwable thrown = catchThrowable(check);
        assertThat(thrown).isInstanceOf(ProtocolException.class);
        return ((ProtocolException) thrown).code();
    }

    @Test
    void badInputNamesTheTxAndInput() throws ProtocolException {
        assertThat(CHECKS.checkBadInput(new TxBadInputPacket(0, STEAL, GB)))
                .isEqualTo(new TxNotice.BadInput(TxHashes.txid(STEAL), STEAL, 0, GB));
    }

    @Test
    void badInputRefusals() {
        assertThat(refusal(() -> CHECKS.checkBadInput(new TxBadInputPacket(0, SPEND1, GA))))
                .isEqualTo(ErrorCode.COMPLAINT_INVALID);
        assertThat(refusal(() -> CHECKS.checkBadInput(new TxBadInputPacket(1, SPEND1, GA))))
                .isEqualTo(ErrorCode.BAD_INPUTNUM);
        assertThat(refusal(() -> CHECKS.checkBadInput(new TxBadInputPacket(0, SPEND1, GB))))
                .isEqualTo(ErrorCode.BAD_INPUT);
        assertThat(refusal(
                        () -> CHECKS.checkBadInput(new TxBadInputPacket(0, STEAL.withSignature(Signature.ZERO), GB))))
                .isEqualTo(ErrorCode.TX_BAD_SIG);
        assertThat(refusal(
                        () -> CHECKS.checkBadInput(new TxBadInputPacket(0, STEAL, GB.withSignature(Signature.ZERO)))))
                .isEqualTo(ErrorCode.TX_BAD_SIG);
    }

    @Test
    void badAmountCountsTheFee() throws ProtocolException {
        assertThat(CHECKS.checkBadAmount(new TxBadAmountPacket(SHORT, List.of(GA))))
                .isEqualTo(new TxNotice.BadAmount(TxHashes.txid(SHORT), SHORT, List.of(GA)));
        assertThat(refusal(() -> CHECKS.checkBadAmount(new TxBadAmountPacket(SPEND1, List.of(GA)))))
                .as("pays exactly send + change + fee")
                .isEqualTo(ErrorCode.COMPLAINT_INVALID);
        assertThat(refusal(() -> CHECKS.checkBadAmount(new TxBadAmountPacket(STEAL, List.of(GB)))))
                .isEqualTo(ErrorCode.BAD_INPUT);
        assertThat(refusal(() -> CHECKS.checkBadAmount(new TxBadAmountPacket(GA, List.of()))))
                .isEqualTo(ErrorCode.BAD_INPUTNUM);
    }

    @Test
    void doublespendNamesBothSpends() throws ProtocolException {
        assertThat(CHECKS.checkDoublespend(new TxDoublespendPacket(0, 1, SPEND1, PAIR)))
                .isEqualTo(new TxNotice.Doublespend(
                        new TxNotice.Spend(TxHashes.txid(SPEND1), SPEND1, 0),
                        new TxNotice.Spend(TxHashes.txid(PAIR), PAIR, 1)));
    }

    /** C takes a tx against itself (docs/c-differences.md #21), which would condemn every block holding it. */
    @Test
    void oneTxTwiceIsNoDoublespend() {
        assertThat(refusal(() -> CHECKS.checkDoublespend(new TxDoublespendPacket(0, 0, SPEND1, SPEND1))))
                .isEqualTo(ErrorCode.COMPLAINT_INVALID);
    }

    @Test
    void doublespendRefusals() {
        assertThat(refusal(() -> CHECKS.checkDoublespend(new TxDoublespendPacket(0, 0, SPEND1, PAIR))))
                .isEqualTo(ErrorCode.BAD_INPUT);
        assertThat(refusal(() -> CHECKS.checkDoublespend(new TxDoublespendPacket(1, 0, SPEND1, SPEND2))))
                .isEqualTo(ErrorCode.BAD_INPUTNUM);
        assertThat(refusal(() -> CHECKS.checkDoublespend(new TxDoublespendPacket(0, 2, SPEND1, PAIR))))
                .isEqualTo(ErrorCode.BAD_INPUTNUM);
        assertThat(refusal(() -> CHECKS.checkDoublespend(
                        new TxDoublespendPacket(0, 0, SPEND1, SPEND2.withSignature(Signature.ZERO)))))
                .isEqualTo(ErrorCode.TX_BAD_SIG);
    }
}
