package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PacketCodecPropertyTest {
    private static final int SAMPLES_PER_KIND = 30;

    @Provide
    Arbitrary<Packet> packets() {
        return ProtocolArbitraries.packets();
    }

    @Provide
    Arbitrary<Long> lies() {
        return Mutations.lies();
    }

    /** Offsets of the header, the err fields and counts near the start of bodies, or anywhere. */
    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.oneOf(
                        Arbitraries.integers().between(0, 48),
                        Arbitraries.integers().between(0, 9000))
                .withoutEdgeCases();
    }

    private static void decodesToItselfOrRejects(byte[] frame) {
        Mutations.decodesToItselfOrRejects(frame, PacketCodec::decode, PacketCodec::encode);
    }

    private static void assertRoundTrips(Packet p) throws ProtocolException {
        byte[] frame = PacketCodec.encode(p);
        assertThat(ByteReader.le32(frame, 0)).isEqualTo(frame.length);
        assertThat(ByteReader.le32(frame, 4)).isEqualTo(p.type().code());
        assertThat(PacketCodec.decode(frame)).isEqualTo(p);
        assertThat(PacketCodec.encode(PacketCodec.decode(frame))).isEqualTo(frame);
        byte[] body = Arrays.copyOfRange(frame, Protocol.PACKET_HEADER_LEN, frame.length);
        assertThat(PacketCodec.decode(p.type().code(), body)).isEqualTo(p);
    }

    private static List<Class<?>> leafRecords(Class<?> sealed) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isSealed()) {
                out.addAll(leafRecords(c));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    @Example
    void everyPacketRecordHasAGeneratorAndRoundTrips() throws ProtocolException {
        var byKind = ProtocolArbitraries.packetsByKind();
        assertThat(byKind.keySet())
                .containsExactlyInAnyOrderElementsOf(leafRecords(Packet.class).stream()
                        .map(c -> c.asSubclass(Packet.class))
                        .toList());
        for (Arbitrary<? extends Packet> kind : byKind.values()) {
            for (Packet p : kind.sampleStream().limit(SAMPLES_PER_KIND).toList()) {
                assertRoundTrips(p);
            }
        }
    }

    @Property
    void encodeThenDecodeGivesThePacketBack(@ForAll("packets") Packet p) throws ProtocolException {
        assertRoundTrips(p);
    }

    @Property
    void randomBodiesUnderAnyType(
            @ForAll @IntRange(min = -1, max = 40) int type, @ForAll @Size(max = 500) byte[] body) {
        Mutations.decodesToItselfOrRejects(body, b -> PacketCodec.decode(type, b), p -> {
            byte[] frame = PacketCodec.encode(p);
            return Arrays.copyOfRange(frame, Protocol.PACKET_HEADER_LEN, frame.length);
        });
    }

    @Property
    void randomFrames(@ForAll @Size(max = 200) byte[] frame) {
        decodesToItselfOrRejects(frame);
        decodesToItselfOrRejects(Mutations.withLengthField(frame));
    }

    @Property
    void bitFlips(@ForAll("packets") Packet p, @ForAll @IntRange(max = 80_000) int bitIndex) {
        decodesToItselfOrRejects(Mutations.flipBit(PacketCodec.encode(p), bitIndex));
    }

    @Property
    void truncations(@ForAll("packets") Packet p, @ForAll int cut) {
        byte[] cutFrame = Mutations.truncate(PacketCodec.encode(p), cut);
        decodesToItselfOrRejects(cutFrame);
        decodesToItselfOrRejects(Mutations.withLengthField(cutFrame));
    }

    @Property
    void extensions(@ForAll("packets") Packet p, @ForAll @Size(min = 1, max = 100) byte[] extra) {
        byte[] longer = Mutations.extend(PacketCodec.encode(p), extra);
        decodesToItselfOrRejects(longer);
        decodesToItselfOrRejects(Mutations.withLengthField(longer));
    }

    @Property
    void lengthFieldLies(@ForAll("packets") Packet p, @ForAll("lies") long len) {
        decodesToItselfOrRejects(Mutations.putU32(PacketCodec.encode(p), 0, len));
    }

    @Property
    void errAndCountFieldLies(@ForAll("packets") Packet p, @ForAll("offsets") int offset, @ForAll("lies") long value) {
        byte[] frame = PacketCodec.encode(p);
        decodesToItselfOrRejects(Mutations.putU32(frame, Math.max(Protocol.PACKET_HEADER_LEN, offset), value));
    }

    @Property
    void bodiesUnderAnotherType(@ForAll("packets") Packet p, @ForAll @IntRange(max = 40) int type) {
        decodesToItselfOrRejects(Mutations.putU32(PacketCodec.encode(p), 4, type));
    }
}
