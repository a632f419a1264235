package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Position;

/** Requests are equal exactly when kind, id, shard and txoff are, as C keys its todos. */
class RequestTest {
    private static final Hash256 A = Hash256.fromHex("11".repeat(32));
    private static final Hash256 A_AGAIN = Hash256.fromHex("11".repeat(32));
    private static final Hash256 B = Hash256.fromHex("22".repeat(32));

    @Test
    void equalByValueAndWithEqualHashes() {
        assertThat(Request.block(A)).isEqualTo(Request.block(A_AGAIN)).hasSameHashCodeAs(Request.block(A_AGAIN));
        assertThat(Request.txInBlock(new Position(A, 2, 7)))
                .isEqualTo(new Request(Request.Kind.TX_IN_BLOCK, A_AGAIN, 2, 7))
                .hasSameHashCodeAs(new Request(Request.Kind.TX_IN_BLOCK, A_AGAIN, 2, 7));
    }

    @Test
    void anyComponentMakesAnotherRequest() {
        Request r = new Request(Request.Kind.SHARD, A, 1, 0);
        assertThat(r)
                .isNotEqualTo(new Request(Request.Kind.TXMAP, A, 1, 0))
                .isNotEqualTo(new Request(Request.Kind.SHARD, B, 1, 0))
                .isNotEqualTo(new Request(Request.Kind.SHARD, A, 2, 0))
                .isNotEqualTo(new Request(Request.Kind.SHARD, A, 1, 1))
                .isNotEqualTo(null)
                .isNotEqualTo(A);
        assertThat(Request.block(A)).isNotEqualTo(Request.children(A));
    }
}
