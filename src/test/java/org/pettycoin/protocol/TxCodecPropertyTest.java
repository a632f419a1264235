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

class TxCodecPropertyTest {
    /** num_outputs of FROM_GATEWAY, num_inputs of NORMAL / TO_GATEWAY, and anywhere else. */
    private static final List<Integer> COUNT_OFFSETS = List.of(36, 64);

    @Provide
    Arbitrary<Tx> txs() {
        return ProtocolArbitraries.txs();
    }

    @Provide
    Arbitrary<TxWithProof> proven() {
        return ProtocolArbitraries.proven();
    }

    @Provide
    Arbitrary<Long> lies() {
        return Mutations.lies();
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.oneOf(
                Arbitraries.of(COUNT_OFFSETS), Arbitraries.integers().between(0, 320));
    }

    private static void decodesToItselfOrRejects(byte[] bytes) {
        Mutations.decodesToItselfOrRejects(bytes, TxCodec::decode, TxCodec::encode);
    }

    @Property
    void encodeThenDecodeGivesTheTxBack(@ForAll("txs") Tx tx) throws ProtocolException {
        byte[] bytes = TxCodec.encode(tx);
        assertThat(bytes).hasSize(TxCodec.length(tx));
        assertThat(TxCodec.decode(bytes)).isEqualTo(tx);
        assertThat(TxCodec.encode(TxCodec.decode(bytes))).isEqualTo(bytes);
    }

    @Property
    void provenTxWithItsRefsRoundTrips(@ForAll("proven") TxWithProof proven) throws ProtocolException {
        ByteWriter w = new ByteWriter();
        StructCodec.encodeTxWithProof(proven, w);
        byte[] bytes = w.toByteArray();
        assertThat(bytes)
                .hasSize(Proof.LENGTH
                        + TxCodec.length(proven.tx())
                        + InputRef.LENGTH * proven.refs().size());
        ByteReader r = new ByteReader(bytes);
        assertThat(StructCodec.decodeTxWithProof(r)).isEqualTo(proven);
        assertThat(r.hasRemaining()).isFalse();
    }

    @Property
    void randomBytesAfterAValidHeader(@ForAll @IntRange(max = 255) int typeByte, @ForAll @Size(max = 400) byte[] rest) {
        decodesToItselfOrRejects(Mutations.extend(new byte[] {1, (byte) typeByte, 0}, rest));
    }

    @Property
    void randomBytes(@ForAll @Size(max = 300) byte[] bytes) {
        decodesToItselfOrRejects(bytes);
    }

    @Property
    void bitFlips(@ForAll("txs") Tx tx, @ForAll @IntRange(max = 80_000) int bitIndex) {
        decodesToItselfOrRejects(Mutations.flipBit(TxCodec.encode(tx), bitIndex));
    }

    @Property
    void truncationsAndExtensions(
            @ForAll("txs") Tx tx, @ForAll int cut, @ForAll @Size(min = 1, max = 80) byte[] extra) {
        byte[] bytes = TxCodec.encode(tx);
        decodesToItselfOrRejects(Mutations.truncate(bytes, cut));
        decodesToItselfOrRejects(Mutations.extend(bytes, extra));
    }

    @Property
    void countLies(@ForAll("txs") Tx tx, @ForAll("offsets") int offset, @ForAll("lies") long value) {
        decodesToItselfOrRejects(Mutations.putU32(TxCodec.encode(tx), offset, value));
    }
}
