package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.consensus.ComplaintChain.ALICE;
import static org.pettycoin.consensus.ComplaintChain.GA;
import static org.pettycoin.consensus.ComplaintChain.GA2;
import static org.pettycoin.consensus.ComplaintChain.GB;
import static org.pettycoin.consensus.ComplaintChain.SIGNING;
import static org.pettycoin.consensus.ComplaintChain.alicePays;
import static org.pettycoin.consensus.ComplaintChain.inUnknownBlock;
import static org.pettycoin.consensus.ComplaintChain.out;
import static org.pettycoin.consensus.ComplaintChain.placed;
import static org.pettycoin.consensus.ComplaintChain.ref;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.protocol.ComplainTxBadAmountPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Signature;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxWithProof;

/**
 * COMPLAIN_TX_BAD_AMOUNT (C's recv_complain_tx_bad_amount). Block Q (child of A), GA paying 1000 and GA2 500:
 * 0 short (500 + 499, no fee), 1 feeUnpaid (500 + 500 with the fee bit), 2 spend1 (500 + 498 + fee 2),
 * 3 pair (spends GA2 then GA for 1500), 4 steal (spends Bob's GB), 5 a claim.
 */
class BadAmountComplaintTest {
    private static ComplaintChain chain;
    private static BlockNode q;

    @BeforeAll
    static void build() {
        chain = new ComplaintChain();
        NormalTx spend1 = alicePays(500, 498, true, out(GA, 0));
        q = chain.block(
                chain.a,
                0,
                placed(alicePays(500, 499, false, out(GA, 0)), ref(1, 0)),
                placed(alicePays(500, 500, true, out(GA, 0)), ref(1, 0)),
                placed(spend1, ref(1, 0)),
                placed(alicePays(1500, 0, false, out(GA2, 0), out(GA, 0)), ref(1, 2), ref(1, 0)),
                placed(alicePays(700, 0, false, out(GB, 0)), ref(1, 1)),
                placed(SIGNING.claim(ALICE, 5, out(spend1, 3), false), ref(0, 2)));
    }

    private static ComplainTxBadAmountPacket badAmount(TxWithProof proven, Tx... inputs) {
        return new ComplainTxBadAmountPacket(proven, List.of(inputs));
    }

    @Test
    void inputsThatDoNotAddUp() {
        assertThat(chain.verdict(badAmount(chain.proven(q, 0), GA))).isEqualTo(chain.proved(q));
    }

    /** C leaves the fee out (docs/c-differences.md #22): it would refuse this and accept the next. */
    @Test
    void theFeeIsCounted() {
        assertThat(chain.verdict(badAmount(chain.proven(q, 1), GA)))
                .as("fee bit set but no fee paid")
                .isEqualTo(chain.proved(q));
        assertThat(chain.refusal(badAmount(chain.proven(q, 2), GA)))
                .as("a correctly fee-paying tx")
                .isEqualTo(ErrorCode.COMPLAINT_INVALID);
    }

    @Test
    void everyInputCounts() {
        assertThat(chain.refusal(badAmount(chain.proven(q, 3), GA2, GA))).isEqualTo(ErrorCode.COMPLAINT_INVALID);
        assertThat(chain.refusal(badAmount(chain.proven(q, 3), GA, GA2)))
                .as("input txs out of order")
                .isEqualTo(ErrorCode.BAD_INPUT);
    }

    @Test
    void everyInputMustBeGood() {
        assertThat(chain.refusal(badAmount(chain.proven(q, 4), GB))).isEqualTo(ErrorCode.BAD_INPUT);
        assertThat(chain.refusal(badAmount(chain.proven(q, 0), GA.withSignature(Signature.ZERO))))
                .isEqualTo(ErrorCode.TX_BAD_SIG);
    }

    @Test
    void onlyTransfersCanPayAWrongAmount() {
        assertThat(chain.refusal(badAmount(chain.proven(chain.a, 0)))).isEqualTo(ErrorCode.BAD_INPUTNUM);
        assertThat(chain.refusal(
                        badAmount(chain.proven(q, 5), chain.proven(q, 2).tx())))
                .isEqualTo(ErrorCode.BAD_INPUTNUM);
    }

    @Test
    void anUnknownBlockIsReported() {
        assertThat(chain.verdict(badAmount(inUnknownBlock(chain.proven(q, 0)), GA)))
                .isEqualTo(new ComplaintVerdict.UnknownBlock(ComplaintChain.NOWHERE));
    }
}
