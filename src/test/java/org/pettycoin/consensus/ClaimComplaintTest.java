package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.consensus.ComplaintChain.ALICE;
import static org.pettycoin.consensus.ComplaintChain.GA;
import static org.pettycoin.consensus.ComplaintChain.SIGNING;
import static org.pettycoin.consensus.ComplaintChain.alicePays;
import static org.pettycoin.consensus.ComplaintChain.inUnknownBlock;
import static org.pettycoin.consensus.ComplaintChain.out;
import static org.pettycoin.consensus.ComplaintChain.placed;
import static org.pettycoin.consensus.ComplaintChain.ref;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.protocol.ComplainClaimInputInvalidPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.NormalTx;

/**
 * COMPLAIN_CLAIM_INPUT_INVALID (C's recv_complain_claim_input_invalid). A ← B [spend1] ← K [claim naming spend1's
 * pseudo-output 3].
 */
class ClaimComplaintTest {
    private static ComplaintChain chain;
    private static BlockNode b;
    private static BlockNode k;

    @BeforeAll
    static void build() {
        chain = new ComplaintChain();
        NormalTx spend1 = alicePays(500, 498, true, out(GA, 0));
        b = chain.block(chain.a, 0, placed(spend1, ref(1, 0)));
        k = chain.block(b, 0, placed(SIGNING.claim(ALICE, 5, out(spend1, 3), false), ref(1, 0)));
    }

    /** As in C, no claim can be valid (docs/c-differences.md #3), so naming the reward tx is enough. */
    @Test
    void aClaimOnTheRewardTxItNamesProvesTheClaimBlockInvalid() {
        ComplainClaimInputInvalidPacket p = new ComplainClaimInputInvalidPacket(chain.proven(k, 0), chain.proven(b, 0));
        assertThat(chain.verdict(p)).isEqualTo(chain.proved(k));
    }

    @Test
    void theFirstTxMustBeAClaimOnTheSecond() {
        assertThat(chain.refusal(new ComplainClaimInputInvalidPacket(chain.proven(b, 0), chain.proven(chain.a, 0))))
                .isEqualTo(ErrorCode.COMPLAINT_INVALID);
        assertThat(chain.refusal(new ComplainClaimInputInvalidPacket(chain.proven(k, 0), chain.proven(chain.a, 0))))
                .isEqualTo(ErrorCode.COMPLAINT_INVALID);
    }

    @Test
    void unknownBlocksAreReported() {
        assertThat(chain.verdict(
                        new ComplainClaimInputInvalidPacket(chain.proven(k, 0), inUnknownBlock(chain.proven(b, 0)))))
                .isEqualTo(new ComplaintVerdict.UnknownBlock(ComplaintChain.NOWHERE));
    }
}
