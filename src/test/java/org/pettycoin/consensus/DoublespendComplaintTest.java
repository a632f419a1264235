package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.consensus.ComplaintChain.GA;
import static org.pettycoin.consensus.ComplaintChain.GA2;
import static org.pettycoin.consensus.ComplaintChain.alicePays;
import static org.pettycoin.consensus.ComplaintChain.out;
import static org.pettycoin.consensus.ComplaintChain.placed;
import static org.pettycoin.consensus.ComplaintChain.ref;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.protocol.ComplainDoublespendPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Position;
import org.pettycoin.protocol.Signature;
import org.pettycoin.protocol.TxWithProof;

/**
 * COMPLAIN_DOUBLESPEND (C's recv_complain_doublespend). Chain: A ← B [spend1] ← C [spend2, pair] ← G [unsigned];
 * A ← F [spend2] (a fork); A ← E [spend1, spend2] (both in one block). Every spend but pair's first
 * input spends GA output 0.
 */
class DoublespendComplaintTest {
    private static ComplaintChain chain;
    private static BlockNode b;
    private static BlockNode c;
    private static BlockNode e;
    private static BlockNode f;
    private static BlockNode g;

    @BeforeAll
    static void build() {
        chain = new ComplaintChain();
        NormalTx spend1 = alicePays(500, 498, true, out(GA, 0));
        NormalTx spend2 = alicePays(300, 700, false, out(GA, 0));
        NormalTx pair = alicePays(1500, 0, false, out(GA2, 0), out(GA, 0));
        b = chain.block(chain.a, 0, placed(spend1, ref(1, 0)));
        c = chain.block(b, 0, placed(spend2, ref(2, 0)), placed(pair, ref(2, 2), ref(2, 0)));
        g = chain.block(c, 0, placed(spend2.withSignature(Signature.ZERO), ref(3, 0)));
        f = chain.block(chain.a, 0, placed(spend2, ref(1, 0)));
        e = chain.block(chain.a, 0, placed(spend1, ref(1, 0)), placed(spend2, ref(1, 0)));
    }

    private static ComplainDoublespendPacket ds(long input1, long input2, TxWithProof tx1, TxWithProof tx2) {
        return new ComplainDoublespendPacket(input1, input2, tx1, tx2);
    }

    @Test
    void theLaterBlockIsProvedInvalid() {
        assertThat(chain.verdict(ds(0, 0, chain.proven(b, 0), chain.proven(c, 0))))
                .isEqualTo(chain.proved(c));
    }

    @Test
    void theInputNumbersNameTheSharedOutput() {
        assertThat(chain.verdict(ds(0, 1, chain.proven(b, 0), chain.proven(c, 1))))
                .isEqualTo(chain.proved(c));
        assertThat(chain.refusal(ds(0, 0, chain.proven(b, 0), chain.proven(c, 1))))
                .as("pair's input 0 spends GA2")
                .isEqualTo(ErrorCode.BAD_INPUT);
    }

    @Test
    void twoSlotsOfOneBlock() {
        assertThat(chain.verdict(ds(0, 0, chain.proven(e, 0), chain.proven(e, 1))))
                .isEqualTo(chain.proved(e));
    }

    @Test
    void theFirstTxMustBeInAnAncestorOrSelf() {
        assertThat(chain.refusal(ds(0, 0, chain.proven(c, 0), chain.proven(b, 0))))
                .isEqualTo(ErrorCode.BAD_DOUBLESPEND_BLOCKS);
        assertThat(chain.refusal(ds(0, 0, chain.proven(b, 0), chain.proven(f, 0))))
                .as("different forks")
                .isEqualTo(ErrorCode.BAD_DOUBLESPEND_BLOCKS);
    }

    @Test
    void inputNumbersMustExist() {
        assertThat(chain.refusal(ds(1, 0, chain.proven(b, 0), chain.proven(c, 0))))
                .isEqualTo(ErrorCode.BAD_INPUTNUM);
        assertThat(chain.refusal(ds(0, 2, chain.proven(b, 0), chain.proven(c, 1))))
                .isEqualTo(ErrorCode.BAD_INPUTNUM);
        assertThat(chain.refusal(ds(1, 0, chain.proven(b, 0), ComplaintChain.inUnknownBlock(chain.proven(c, 0)))))
                .as("input1 is checked before tx2's block is looked up, as in C")
                .isEqualTo(ErrorCode.BAD_INPUTNUM);
    }

    /**
     * The C bug (docs/c-differences.md #21): one slot proved twice would condemn any block holding
     * a tx with inputs.
     */
    @Test
    void oneSlotProvedTwiceIsRefused() {
        assertThat(chain.refusal(ds(0, 0, chain.proven(b, 0), chain.proven(b, 0))))
                .isEqualTo(ErrorCode.COMPLAINT_INVALID);
        TxWithProof sameSlotOtherUnused = ComplaintChain.at(new Position(b.id(), 0, 0, 1), chain.proven(b, 0));
        assertThat(chain.refusal(ds(0, 0, chain.proven(b, 0), sameSlotOtherUnused)))
                .as("the unused byte does not make another slot")
                .isEqualTo(ErrorCode.COMPLAINT_INVALID);
        assertThat(chain.refusal(ds(1, 1, chain.proven(c, 1), chain.proven(c, 1))))
                .isEqualTo(ErrorCode.COMPLAINT_INVALID);
    }

    @Test
    void unknownBlocksAreReportedNotRefused() {
        assertThat(chain.verdict(ds(0, 0, ComplaintChain.inUnknownBlock(chain.proven(b, 0)), chain.proven(c, 0))))
                .isEqualTo(new ComplaintVerdict.UnknownBlock(ComplaintChain.NOWHERE));
        assertThat(chain.verdict(ds(0, 0, chain.proven(b, 0), ComplaintChain.inUnknownBlock(chain.proven(c, 0)))))
                .isEqualTo(new ComplaintVerdict.UnknownBlock(ComplaintChain.NOWHERE));
    }

    @Test
    void provenTxsMustBeValidAndProved() {
        TxWithProof spend1AtC = new TxWithProof(
                chain.proof(c, 0, 0),
                chain.proven(b, 0).tx(),
                chain.proven(b, 0).refs());
        assertThat(chain.refusal(ds(0, 0, chain.proven(b, 0), spend1AtC))).isEqualTo(ErrorCode.BAD_PROOF);
        assertThat(chain.refusal(ds(0, 0, chain.proven(b, 0), chain.proven(g, 0))))
                .isEqualTo(ErrorCode.TX_BAD_SIG);
    }
}
