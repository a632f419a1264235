package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.consensus.ComplaintChain.ALICE;
import static org.pettycoin.consensus.ComplaintChain.GA;
import static org.pettycoin.consensus.ComplaintChain.GB;
import static org.pettycoin.consensus.ComplaintChain.SIGNING;
import static org.pettycoin.consensus.ComplaintChain.alicePays;
import static org.pettycoin.consensus.ComplaintChain.inUnknownBlock;
import static org.pettycoin.consensus.ComplaintChain.out;
import static org.pettycoin.consensus.ComplaintChain.placed;
import static org.pettycoin.consensus.ComplaintChain.ref;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.protocol.ComplainTxBadInputPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Signature;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxWithProof;

/**
 * COMPLAIN_TX_BAD_INPUT (C's recv_complain_tx_bad_input). Block I (child of A): steal (Alice spends GB, paid to
 * Bob), noOutput (spends GA's output 1, which does not exist), spend1 (good), a claim naming spend1.
 */
class BadInputComplaintTest {
    private static ComplaintChain chain;
    private static BlockNode i;

    @BeforeAll
    static void build() {
        chain = new ComplaintChain();
        NormalTx steal = alicePays(700, 0, false, out(GB, 0));
        NormalTx noOutput = alicePays(1000, 0, false, out(GA, 1));
        NormalTx spend1 = alicePays(500, 498, true, out(GA, 0));
        i = chain.block(
                chain.a,
                0,
                placed(steal, ref(1, 1)),
                placed(noOutput, ref(1, 0)),
                placed(spend1, ref(1, 0)),
                placed(SIGNING.claim(ALICE, 5, out(spend1, 3), false), ref(0, 2)));
    }

    private static ComplainTxBadInputPacket badInput(long inputNum, TxWithProof proven, Tx input) {
        return new ComplainTxBadInputPacket(inputNum, proven, input);
    }

    @Test
    void anOutputPaidToSomeoneElse() {
        assertThat(chain.verdict(badInput(0, chain.proven(i, 0), GB))).isEqualTo(chain.proved(i));
    }

    @Test
    void anOutputThatDoesNotExist() {
        assertThat(chain.verdict(badInput(0, chain.proven(i, 1), GA))).isEqualTo(chain.proved(i));
    }

    @Test
    void aGoodInputIsNoComplaint() {
        assertThat(chain.refusal(badInput(0, chain.proven(i, 2), GA))).isEqualTo(ErrorCode.COMPLAINT_INVALID);
    }

    @Test
    void theInputMustExistAndBeTheTxGiven() {
        assertThat(chain.refusal(badInput(1, chain.proven(i, 2), GA))).isEqualTo(ErrorCode.BAD_INPUTNUM);
        assertThat(chain.refusal(badInput(0xffffffffL, chain.proven(i, 2), GA))).isEqualTo(ErrorCode.BAD_INPUTNUM);
        assertThat(chain.refusal(badInput(0, chain.proven(chain.a, 0), GA)))
                .as("a from-gateway tx has no inputs")
                .isEqualTo(ErrorCode.BAD_INPUTNUM);
        assertThat(chain.refusal(
                        badInput(0, chain.proven(i, 3), chain.proven(i, 2).tx())))
                .as("a claim's input names a reward tx")
                .isEqualTo(ErrorCode.BAD_INPUTNUM);
        assertThat(chain.refusal(badInput(0, chain.proven(i, 2), GB))).isEqualTo(ErrorCode.BAD_INPUT);
    }

    @Test
    void theInputTxMustPassCheckTx() {
        assertThat(chain.refusal(badInput(0, chain.proven(i, 0), GB.withSignature(Signature.ZERO))))
                .isEqualTo(ErrorCode.TX_BAD_SIG);
    }

    @Test
    void anUnknownBlockIsReported() {
        assertThat(chain.verdict(badInput(0, inUnknownBlock(chain.proven(i, 0)), GB)))
                .isEqualTo(new ComplaintVerdict.UnknownBlock(ComplaintChain.NOWHERE));
    }
}
