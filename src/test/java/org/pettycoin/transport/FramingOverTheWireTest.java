package org.pettycoin.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pettycoin.protocol.ErrPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.GetPeersPacket;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.PacketType;
import org.pettycoin.protocol.Protocol;

/** What a peer's bad bytes do: lying lengths cut it off without ERR, bad frames are reported. */
@Timeout(10)
class FramingOverTheWireTest {
    private PeerFixture node;

    @BeforeEach
    void start() throws IOException {
        node = new PeerFixture(TransportTest.CONFIG);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @ParameterizedTest
    @ValueSource(longs = {0xFFFFFFFFL, Protocol.MAX_PACKET_LEN + 1L, 7, 5, 0})
    void aLengthOutsideTheLimitsIsCutOffWithoutErr(long length) throws IOException {
        try (RawPeer peer = new RawPeer(node.port)) {
            peer.send(Frames.concat(
                    PacketCodec.encode(new GetPeersPacket()), Frames.header(length, PacketType.GET_PEERS.code())));
            node.recorder.next(Recorder.Connected.class);
            node.recorder.next(Recorder.Received.class);
            Recorder.Closed closed = node.recorder.next(Recorder.Closed.class);
            assertThat(closed.reason().cause()).isEqualTo(CloseReason.Cause.BAD_FRAME_LENGTH);
            assertThat(peer.readUntilClosed()).as("no ERR before the close").isEmpty();
        }
    }

    @Test
    void garbageIsCutOff() throws IOException {
        try (RawPeer peer = new RawPeer(node.port)) {
            peer.send("GET / HTTP/1.1\r\nHost: example\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            node.recorder.next(Recorder.Connected.class);
            assertThat(node.recorder.next(Recorder.Closed.class).reason().cause())
                    .isEqualTo(CloseReason.Cause.BAD_FRAME_LENGTH);
            assertThat(peer.readUntilClosed()).isEmpty();
        }
    }

    @Test
    void anUnknownTypeIsMalformedAndNothingAfterItIsDelivered() throws IOException {
        try (RawPeer peer = new RawPeer(node.port)) {
            Connection c = node.recorder.next(Recorder.Connected.class).connection();
            peer.send(Frames.concat(Frames.frame(0x7777, new byte[0]), PacketCodec.encode(new GetPeersPacket())));
            Recorder.Malformed bad = node.recorder.next(Recorder.Malformed.class);
            assertThat(bad.connection()).isSameAs(c);
            assertThat(bad.error().code()).isEqualTo(ErrorCode.UNKNOWN_COMMAND);
            assertThat(node.recorder.poll(Duration.ofMillis(200)))
                    .as("nothing after a malformed frame")
                    .isNull();

            // The protocol layer's answer, as C gives it: ERR, then close.
            c.sendAndClose(ErrPacket.of(bad.error().code()));
            assertThat(peer.readUntilClosed()).isEqualTo(PacketCodec.encode(ErrPacket.of(ErrorCode.UNKNOWN_COMMAND)));
            assertThat(node.recorder.next(Recorder.Closed.class).reason().cause())
                    .isEqualTo(CloseReason.Cause.LOCAL);
        }
    }

    @Test
    void aTruncatedBodyIsMalformed() throws IOException {
        try (RawPeer peer = new RawPeer(node.port)) {
            node.recorder.next(Recorder.Connected.class);
            // GET_BLOCK needs a 32-byte block id; this frame's length says 16.
            peer.send(Frames.frame(PacketType.GET_BLOCK.code(), new byte[16]));
            assertThat(node.recorder.next(Recorder.Malformed.class).error().code())
                    .isEqualTo(ErrorCode.INVALID_LEN);
        }
    }

    @Test
    void aPacketSplitIntoSingleBytesArrivesWhole() throws IOException, InterruptedException {
        try (RawPeer peer = new RawPeer(node.port)) {
            node.recorder.next(Recorder.Connected.class);
            for (byte b : PacketCodec.encode(ErrPacket.of(ErrorCode.UNKNOWN_TX))) {
                peer.send(new byte[] {b});
                Thread.sleep(1);
            }
            assertThat(node.recorder.next(Recorder.Received.class).packet())
                    .isEqualTo(ErrPacket.of(ErrorCode.UNKNOWN_TX));
        }
    }
}
