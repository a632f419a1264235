package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.consensus.ComplaintChain.GA;
import static org.pettycoin.consensus.ComplaintChain.alicePays;
import static org.pettycoin.consensus.ComplaintChain.inUnknownBlock;
import static org.pettycoin.consensus.ComplaintChain.out;
import static org.pettycoin.consensus.ComplaintChain.placed;
import static org.pettycoin.consensus.ComplaintChain.ref;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.consensus.ComplaintChain.Placed;
import org.pettycoin.protocol.ComplainTxMisorderPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.TxWithProof;

/**
 * COMPLAIN_TX_MISORDER (C's recv_complain_tx_misorder). lo sorts before hi. Children of A: M [hi, lo]
 * (misordered), N [lo, hi] (in order), D [lo, lo] (a tx twice), S with lo in shard 0 and hi in shard 1.
 */
class MisorderComplaintTest {
    private static ComplaintChain chain;
    private static BlockNode m;
    private static BlockNode n;
    private static BlockNode d;
    private static BlockNode s;

    @BeforeAll
    static void build() {
        chain = new ComplaintChain();
        NormalTx x = alicePays(100, 900, false, out(GA, 0));
        NormalTx y = alicePays(200, 800, false, out(GA, 0));
        boolean xFirst = TxShards.CANONICAL_ORDER.compare(x, y) < 0;
        Placed lo = placed(xFirst ? x : y, ref(1, 0));
        Placed hi = placed(xFirst ? y : x, ref(1, 0));
        m = chain.block(chain.a, 0, hi, lo);
        n = chain.block(chain.a, 0, lo, hi);
        d = chain.block(chain.a, 0, lo, lo);
        s = chain.block(chain.a, Map.of(0, List.of(lo), 1, List.of(hi)));
    }

    private static ComplainTxMisorderPacket misorder(TxWithProof tx1, TxWithProof tx2) {
        return new ComplainTxMisorderPacket(tx1, tx2);
    }

    @Test
    void aMisorderedPairProvesTheBlockInvalidWhicheverComesFirst() {
        assertThat(chain.verdict(misorder(chain.proven(m, 1), chain.proven(m, 0))))
                .isEqualTo(chain.proved(m));
        assertThat(chain.verdict(misorder(chain.proven(m, 0), chain.proven(m, 1))))
                .isEqualTo(chain.proved(m));
    }

    @Test
    void aTxTwiceInAShardIsMisordered() {
        assertThat(chain.verdict(misorder(chain.proven(d, 1), chain.proven(d, 0))))
                .isEqualTo(chain.proved(d));
        assertThat(chain.verdict(misorder(chain.proven(d, 0), chain.proven(d, 1))))
                .isEqualTo(chain.proved(d));
    }

    @Test
    void aPairInOrderIsNoComplaint() {
        assertThat(chain.refusal(misorder(chain.proven(n, 1), chain.proven(n, 0))))
                .isEqualTo(ErrorCode.COMPLAINT_INVALID);
        assertThat(chain.refusal(misorder(chain.proven(n, 0), chain.proven(n, 1))))
                .isEqualTo(ErrorCode.COMPLAINT_INVALID);
    }

    @Test
    void bothTxsMustShareBlockAndShardAndDifferInPosition() {
        assertThat(chain.refusal(misorder(chain.proven(s, 1, 0), chain.proven(s, 0, 0))))
                .as("different shards")
                .isEqualTo(ErrorCode.BAD_MISORDER_POS);
        assertThat(chain.refusal(misorder(chain.proven(m, 1), chain.proven(n, 1))))
                .as("different blocks")
                .isEqualTo(ErrorCode.BAD_MISORDER_POS);
        assertThat(chain.refusal(misorder(chain.proven(m, 0), chain.proven(m, 0))))
                .as("one position")
                .isEqualTo(ErrorCode.BAD_MISORDER_POS);
    }

    @Test
    void onlyTheFirstTxMayBeInAnUnknownBlock() {
        assertThat(chain.verdict(misorder(inUnknownBlock(chain.proven(m, 1)), chain.proven(m, 0))))
                .isEqualTo(new ComplaintVerdict.UnknownBlock(ComplaintChain.NOWHERE));
        assertThat(chain.refusal(misorder(chain.proven(m, 1), inUnknownBlock(chain.proven(m, 0)))))
                .as("as C: the second should be in the block already found")
                .isEqualTo(ErrorCode.UNKNOWN_BLOCK);
    }
}
