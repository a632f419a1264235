package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.consensus.ComplaintChain.GA;
import static org.pettycoin.consensus.ComplaintChain.GA2;
import static org.pettycoin.consensus.ComplaintChain.alicePays;
import static org.pettycoin.consensus.ComplaintChain.inUnknownBlock;
import static org.pettycoin.consensus.ComplaintChain.out;
import static org.pettycoin.consensus.ComplaintChain.placed;
import static org.pettycoin.consensus.ComplaintChain.ref;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.protocol.ComplainBadInputRefPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.TxWithProof;

/**
 * COMPLAIN_BAD_INPUT_REF (C's recv_complain_bad_input_ref). A ← B [spend1 → A/0, other → A/2] ← R [mis, far]:
 * mis spends GA but its ref points one block back, at spend1; far's ref points 99 blocks back.
 */
class BadInputRefComplaintTest {
    private static ComplaintChain chain;
    private static BlockNode b;
    private static BlockNode r;

    @BeforeAll
    static void build() {
        chain = new ComplaintChain();
        b = chain.block(
                chain.a,
                0,
                placed(alicePays(500, 498, true, out(GA, 0)), ref(1, 0)),
                placed(alicePays(500, 0, false, out(GA2, 0)), ref(1, 2)));
        r = chain.block(
                b,
                0,
                placed(alicePays(500, 500, false, out(GA, 0)), ref(1, 0)),
                placed(alicePays(400, 600, false, out(GA, 0)), ref(99, 0)));
    }

    private static ComplainBadInputRefPacket badRef(long inputNum, TxWithProof proven, TxWithProof input) {
        return new ComplainBadInputRefPacket(inputNum, proven, input);
    }

    @Test
    void aRefToTheWrongTx() {
        assertThat(chain.verdict(badRef(0, chain.proven(r, 0), chain.proven(b, 0))))
                .isEqualTo(chain.proved(r));
    }

    @Test
    void aRightRefIsNoComplaint() {
        assertThat(chain.refusal(badRef(0, chain.proven(b, 0), chain.proven(chain.a, 0))))
                .isEqualTo(ErrorCode.COMPLAINT_INVALID);
    }

    @Test
    void theSecondProofMustBeWhereTheRefPoints() {
        assertThat(chain.refusal(badRef(0, chain.proven(r, 0), chain.proven(chain.a, 0))))
                .as("another block")
                .isEqualTo(ErrorCode.BAD_INPUT);
        assertThat(chain.refusal(badRef(0, chain.proven(r, 0), chain.proven(b, 1))))
                .as("another txoff")
                .isEqualTo(ErrorCode.BAD_INPUT);
        assertThat(chain.refusal(badRef(0, chain.proven(r, 1), chain.proven(b, 0))))
                .as("a ref past genesis")
                .isEqualTo(ErrorCode.BAD_INPUT);
    }

    @Test
    void theInputMustExist() {
        assertThat(chain.refusal(badRef(1, chain.proven(r, 0), chain.proven(b, 0))))
                .isEqualTo(ErrorCode.BAD_INPUTNUM);
    }

    @Test
    void unknownBlocksAreReported() {
        assertThat(chain.verdict(badRef(0, chain.proven(r, 0), inUnknownBlock(chain.proven(b, 0)))))
                .isEqualTo(new ComplaintVerdict.UnknownBlock(ComplaintChain.NOWHERE));
        assertThat(chain.verdict(badRef(0, inUnknownBlock(chain.proven(r, 0)), chain.proven(b, 0))))
                .isEqualTo(new ComplaintVerdict.UnknownBlock(ComplaintChain.NOWHERE));
    }
}
