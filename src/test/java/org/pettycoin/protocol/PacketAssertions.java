package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decoding a body under a type, expecting a packet or a given ecode. */
final class PacketAssertions {
    private PacketAssertions() {}

    /** Decodes and checks that re-encoding gives the same body back. */
    static Packet decodes(PacketType type, byte[] body) throws ProtocolException {
        Packet p = PacketCodec.decode(type.code(), body);
        byte[] frame = PacketCodec.encode(p);
        assertThat(frame).hasSize(Protocol.PACKET_HEADER_LEN + body.length);
        assertThat(new ByteReader(frame, Protocol.PACKET_HEADER_LEN, body.length).rest())
                .isEqualTo(body);
        return p;
    }

    static void rejects(PacketType type, byte[] body, ErrorCode code) {
        rejects(type.code(), body, code);
    }

    static void rejects(int type, byte[] body, ErrorCode code) {
        assertThatThrownBy(() -> PacketCodec.decode(type, body))
                .isInstanceOfSatisfying(
                        ProtocolException.class,
                        e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }
}
