package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.consensus.ComplaintChain.GA;
import static org.pettycoin.consensus.ComplaintChain.alicePays;
import static org.pettycoin.consensus.ComplaintChain.out;
import static org.pettycoin.consensus.ComplaintChain.ref;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.crypto.Sha256;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.ComplainTxInvalidPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Position;
import org.pettycoin.protocol.Proof;
import org.pettycoin.protocol.Signature;
import org.pettycoin.protocol.TxCodec;
import org.pettycoin.protocol.TxRefHash;

/**
 * COMPLAIN_TX_INVALID (C's recv_complain_tx_invalid). Block V (child of A) holds, in shard 0, blobs as
 * leaves: an unsigned tx with its refs, a tx with version 2, a good tx with a trailing byte, and a
 * good tx with its refs.
 */
class TxInvalidComplaintTest {
    private static final Bytes UNSIGNED =
            blob(alicePays(500, 500, false, out(GA, 0)).withSignature(Signature.ZERO));
    private static final Bytes VERSION_2 = Bytes.of((byte) 2, (byte) 0, (byte) 0);
    private static final Bytes GOOD = blob(alicePays(400, 600, false, out(GA, 0)));
    private static final Bytes TRAILING = Bytes.of(concat(GOOD.toByteArray(), new byte[] {7}));
    private static final Bytes REFS = Bytes.of(TxCodec.encodeRefs(List.of(ref(1, 0))));
    private static ComplaintChain chain;
    private static BlockNode v;

    @BeforeAll
    static void build() {
        chain = new ComplaintChain();
        v = chain.blockOfLeaves(
                chain.a,
                Map.of(
                        0,
                        List.of(
                                leaf(UNSIGNED, REFS),
                                leaf(VERSION_2, Bytes.EMPTY),
                                leaf(TRAILING, Bytes.EMPTY),
                                leaf(GOOD, REFS))));
    }

    private static Bytes blob(NormalTx tx) {
        return Bytes.of(TxCodec.encode(tx));
    }

    private static byte[] concat(byte[] x, byte[] y) {
        byte[] out = new byte[x.length + y.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    private static TxRefHash leaf(Bytes tx, Bytes refs) {
        return new TxRefHash(Sha256.doubleSha256(tx.toByteArray()), Sha256.doubleSha256(refs.toByteArray()));
    }

    private static ComplainTxInvalidPacket invalid(ErrorCode error, int txoff, Bytes tx, Bytes refs) {
        return new ComplainTxInvalidPacket(error.code(), chain.proof(v, 0, txoff), tx, refs);
    }

    /** Refs are the bytes after the tx (docs/c-differences.md #23); C would want none and refuse this one. */
    @Test
    void aTxFailingCheckTxWithRefsProvesTheBlockInvalid() {
        assertThat(chain.verdict(invalid(ErrorCode.TX_BAD_SIG, 0, UNSIGNED, REFS)))
                .isEqualTo(chain.proved(v));
    }

    @Test
    void aBlobThatDoesNotUnmarshal() {
        assertThat(chain.verdict(invalid(ErrorCode.TX_HIGH_VERSION, 1, VERSION_2, Bytes.EMPTY)))
                .isEqualTo(chain.proved(v));
        assertThat(chain.verdict(invalid(ErrorCode.INVALID_LEN, 2, TRAILING, Bytes.EMPTY)))
                .as("the blob must be exactly one tx")
                .isEqualTo(chain.proved(v));
    }

    @Test
    void theErrorMustBeTheOneFound() {
        assertThat(chain.refusal(invalid(ErrorCode.TX_TOO_LARGE, 0, UNSIGNED, REFS)))
                .isEqualTo(ErrorCode.COMPLAINT_INVALID);
    }

    @Test
    void aValidTxIsNoComplaint() {
        assertThat(chain.refusal(invalid(ErrorCode.TX_BAD_SIG, 3, GOOD, REFS))).isEqualTo(ErrorCode.COMPLAINT_INVALID);
    }

    @Test
    void theBlobsMustBeAtThePosition() {
        assertThat(chain.refusal(invalid(ErrorCode.TX_BAD_SIG, 0, UNSIGNED, Bytes.EMPTY)))
                .as("refs left out")
                .isEqualTo(ErrorCode.BAD_PROOF);
        assertThat(chain.refusal(invalid(ErrorCode.TX_HIGH_VERSION, 2, VERSION_2, Bytes.EMPTY)))
                .as("another slot")
                .isEqualTo(ErrorCode.BAD_PROOF);
    }

    @Test
    void anUnknownBlockIsReported() {
        Proof proof = chain.proof(v, 0, 0);
        ComplainTxInvalidPacket p = new ComplainTxInvalidPacket(
                ErrorCode.TX_BAD_SIG.code(),
                new Proof(new Position(ComplaintChain.NOWHERE, 0, 0), proof.merkles()),
                UNSIGNED,
                REFS);
        assertThat(chain.verdict(p)).isEqualTo(new ComplaintVerdict.UnknownBlock(ComplaintChain.NOWHERE));
    }
}
