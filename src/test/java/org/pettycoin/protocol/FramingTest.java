package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The frame length rules of C's packet_io.c do_read_packet. */
class FramingTest {
    private static final byte[] GET_PEERS = {8, 0, 0, 0, 19, 0, 0, 0};

    @ParameterizedTest
    @ValueSource(longs = {8, 9, Protocol.MAX_PACKET_LEN})
    void lengthsFromTheHeaderToFourMebibytesAreAccepted(long len) throws ProtocolException {
        assertThat(Framing.checkLength(len)).isEqualTo(len);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 4, 7, Protocol.MAX_PACKET_LEN + 1L, 0xffffffffL})
    void lengthsOutsideAreInvalidLen(long len) {
        assertThatThrownBy(() -> Framing.checkLength(len))
                .isInstanceOfSatisfying(
                        ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_LEN));
    }

    @Test
    void readsConsecutiveFramesThenEndsCleanly() throws IOException, ProtocolException {
        byte[] two = new ByteWriter()
                .bytes(GET_PEERS)
                .bytes(PacketCodec.encode(ErrPacket.of(ErrorCode.INVALID_LEN)))
                .toByteArray();
        var in = new ByteArrayInputStream(two);
        assertThat(Framing.readFrame(in)).hasValueSatisfying(f -> assertThat(f).isEqualTo(GET_PEERS));
        assertThat(Framing.readFrame(in)).hasValueSatisfying(f -> assertThat(f).hasSize(12));
        assertThat(Framing.readFrame(in)).isEmpty();
    }

    @Test
    void streamEndingInsideAFrameIsEof() {
        for (int cut = 1; cut < GET_PEERS.length; cut++) {
            var in = new ByteArrayInputStream(Arrays.copyOf(GET_PEERS, cut));
            assertThatThrownBy(() -> Framing.readFrame(in)).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void badLengthFieldIsInvalidLenBeforeTheBodyIsRead() {
        // A zero length is what C's mis-seeked blockfile leaves behind: replay ends there.
        for (byte[] prefix : new byte[][] {{0, 0, 0, 0}, {7, 0, 0, 0}, {1, 0, 0x40, 0}}) {
            var in = new ByteArrayInputStream(prefix);
            assertThatThrownBy(() -> Framing.readFrame(in))
                    .isInstanceOfSatisfying(
                            ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_LEN));
        }
    }

    @Test
    void decodedFrameMustBeAsLongAsItsLengthField() throws ProtocolException {
        assertThat(PacketCodec.decode(GET_PEERS)).isEqualTo(new GetPeersPacket());
        for (byte[] lie :
                new byte[][] {Arrays.copyOf(GET_PEERS, 9), {9, 0, 0, 0, 19, 0, 0, 0}, {8, 0, 0}, {7, 0, 0, 0, 19, 0, 0}
                }) {
            assertThatThrownBy(() -> PacketCodec.decode(lie))
                    .isInstanceOfSatisfying(
                            ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_LEN));
        }
    }

    @Test
    void packetsOverFourMebibytesCannotBeEncodedOrDecoded() {
        PiggybackPacket big = new PiggybackPacket(Bytes.of(new byte[Protocol.MAX_PACKET_LEN - 7]));
        assertThatThrownBy(() -> PacketCodec.encode(big)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PacketCodec.encode(new PiggybackPacket(Bytes.of(new byte[Protocol.MAX_PACKET_LEN - 8]))))
                .hasSize(Protocol.MAX_PACKET_LEN);
        PacketAssertions.rejects(PacketType.PIGGYBACK, new byte[Protocol.MAX_PACKET_LEN - 7], ErrorCode.INVALID_LEN);
    }
}
