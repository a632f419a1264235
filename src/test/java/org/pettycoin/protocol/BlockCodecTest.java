package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** unmarshal_block_into's checks, in its order, each with its ecode (C's marshal.c). */
class BlockCodecTest {
    private static final int VERSION_OFFSET = 0;
    private static final int SHARD_ORDER_OFFSET = 2;
    private static final int NUM_PREV_TXHASHES_OFFSET = 16;

    private static void assertFails(byte[] bytes, ErrorCode code) {
        assertThatThrownBy(() -> BlockCodec.decode(bytes))
                .isInstanceOfSatisfying(
                        ProtocolException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static byte[] with(int offset, int value) {
        byte[] b = Samples.GENESIS.clone();
        b[offset] = (byte) value;
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 683})
    void shorterThanAHeaderIsInvalidLenBeforeTheVersionIsRead(int size) {
        assertFails(new byte[size], ErrorCode.INVALID_LEN);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 0xff})
    void anyVersionButOneIsBlockHighVersion(int version) {
        assertFails(with(VERSION_OFFSET, version), ErrorCode.BLOCK_HIGH_VERSION);
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 0xff})
    void shardOrderAbove16IsBadShardOrderBeforeTheLengthIsChecked(int order) {
        assertFails(with(SHARD_ORDER_OFFSET, order), ErrorCode.BAD_SHARD_ORDER);
        assertFails(Arrays.copyOf(with(SHARD_ORDER_OFFSET, order), BlockHeader.LENGTH), ErrorCode.BAD_SHARD_ORDER);
    }

    @Test
    void lengthMustBeExactlyWhatTheHeaderImplies() {
        assertFails(Arrays.copyOf(Samples.GENESIS, Samples.GENESIS.length + 1), ErrorCode.INVALID_LEN);
        assertFails(Arrays.copyOf(Samples.GENESIS, Samples.GENESIS.length - 1), ErrorCode.INVALID_LEN);
        // Another shard order changes the implied length.
        assertFails(with(SHARD_ORDER_OFFSET, 3), ErrorCode.INVALID_LEN);
    }

    @Test
    void hugePrevTxhashCountIsInvalidLenWithoutAllocating() {
        byte[] b = Samples.GENESIS.clone();
        Arrays.fill(b, NUM_PREV_TXHASHES_OFFSET, NUM_PREV_TXHASHES_OFFSET + 4, (byte) 0xff);
        assertFails(b, ErrorCode.INVALID_LEN);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16})
    void everyShardOrderUpTo16RoundTrips(int order) throws ProtocolException {
        Block g = Samples.genesis();
        int shards = 1 << order;
        BlockHeader h = g.header();
        Block b = new Block(
                new BlockHeader(h.featuresVote(), order, h.nonce2(), 3, 7, h.feesTo(), h.prevs()),
                Bytes.of(new byte[shards]),
                Collections.nCopies(shards, Samples.hash(order)),
                Bytes.of(new byte[] {1, 2, 3}),
                g.tailer());
        byte[] bytes = BlockCodec.encode(b);
        assertThat(bytes).hasSize(BlockCodec.length(b)).hasSize(696 + 33 * shards + 3);
        assertThat(BlockCodec.decode(bytes)).isEqualTo(b);
    }
}
