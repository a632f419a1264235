package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class BlockCodecPropertyTest {
    /** version / features_vote / shard_order / nonce2 start, num_prev_txhashes, height, and anywhere else. */
    private static final List<Integer> HEADER_OFFSETS = List.of(0, 2, 16, 20);

    @Provide
    Arbitrary<Block> blocks() {
        return ProtocolArbitraries.blocks();
    }

    @Provide
    Arbitrary<Long> lies() {
        return Mutations.lies();
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.oneOf(
                Arbitraries.of(HEADER_OFFSETS), Arbitraries.integers().between(0, 1000));
    }

    private static void decodesToItselfOrRejects(byte[] bytes) {
        Mutations.decodesToItselfOrRejects(bytes, BlockCodec::decode, BlockCodec::encode);
    }

    @Property
    void encodeThenDecodeGivesTheBlockBack(@ForAll("blocks") Block block) throws ProtocolException {
        byte[] bytes = BlockCodec.encode(block);
        assertThat(bytes).hasSize(BlockCodec.length(block));
        assertThat(BlockCodec.decode(bytes)).isEqualTo(block);
        assertThat(BlockCodec.encode(BlockCodec.decode(bytes))).isEqualTo(bytes);
    }

    @Property
    void randomBytesAfterAValidHeaderStart(
            @ForAll @IntRange(max = 255) int shardOrder, @ForAll @Size(min = 680, max = 1200) byte[] rest) {
        decodesToItselfOrRejects(Mutations.extend(new byte[] {1, 0, (byte) shardOrder}, rest));
    }

    @Property
    void bitFlips(@ForAll("blocks") Block block, @ForAll @IntRange(max = 80_000) int bitIndex) {
        decodesToItselfOrRejects(Mutations.flipBit(BlockCodec.encode(block), bitIndex));
    }

    @Property
    void truncationsAndExtensions(
            @ForAll("blocks") Block block, @ForAll int cut, @ForAll @Size(min = 1, max = 80) byte[] extra) {
        byte[] bytes = BlockCodec.encode(block);
        decodesToItselfOrRejects(Mutations.truncate(bytes, cut));
        decodesToItselfOrRejects(Mutations.extend(bytes, extra));
    }

    @Property
    void countLies(@ForAll("blocks") Block block, @ForAll("offsets") int offset, @ForAll("lies") long value) {
        decodesToItselfOrRejects(Mutations.putU32(BlockCodec.encode(block), offset, value));
    }
}
