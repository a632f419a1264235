package org.pettycoin.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.protocol.GetPeersPacket;
import org.pettycoin.protocol.PacketCodec;

/** The input timeout and the output-idle notice (C's PROTOCOL_INPUT_TIMEOUT, PROTOCOL_TIMEOUT), made short. */
@Timeout(10)
class TimeoutsTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration STEP = Duration.ofMillis(100);

    @Test
    void aSilentPeerIsClosed() throws IOException {
        try (PeerFixture node = new PeerFixture(TransportTest.CONFIG.withInputTimeout(SHORT));
                RawPeer peer = new RawPeer(node.port)) {
            node.recorder.next(Recorder.Connected.class);
            long start = System.nanoTime();
            Recorder.Closed closed = node.recorder.next(Recorder.Closed.class);
            assertThat(closed.reason().cause()).isEqualTo(CloseReason.Cause.INPUT_TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(SHORT.minus(STEP));
            assertThat(peer.readUntilClosed()).isEmpty();
        }
    }

    @Test
    void aPacketStartedButNotFinishedTimesOutAndPacketsKeepTheConnection() throws IOException, InterruptedException {
        try (PeerFixture node = new PeerFixture(TransportTest.CONFIG.withInputTimeout(SHORT));
                RawPeer peer = new RawPeer(node.port)) {
            node.recorder.next(Recorder.Connected.class);
            byte[] getPeers = PacketCodec.encode(new GetPeersPacket());
            for (int i = 0; i < 6; i++) {
                peer.send(getPeers);
                node.recorder.next(Recorder.Received.class);
                Thread.sleep(STEP.toMillis());
            }
            // Half a packet, then bytes of it now and then: progress inside a packet does not count.
            peer.send(new byte[] {getPeers[0], getPeers[1]});
            Thread.sleep(STEP.toMillis());
            peer.send(new byte[] {getPeers[2]});
            assertThat(node.recorder.next(Recorder.Closed.class).reason().cause())
                    .isEqualTo(CloseReason.Cause.INPUT_TIMEOUT);
        }
    }

    @Test
    @SuppressWarnings("try") // the peer only has to be there
    void outputIdleIsReportedUntilSomethingIsSent() throws IOException, InterruptedException {
        TransportConfig config = TransportTest.CONFIG.withOutputIdle(SHORT.plus(STEP));
        try (PeerFixture node = new PeerFixture(config);
                RawPeer peer = new RawPeer(node.port)) {
            Connection c = node.recorder.next(Recorder.Connected.class).connection();
            assertThat(node.recorder.next(Recorder.Idle.class).connection()).isSameAs(c);
            assertThat(node.recorder.next(Recorder.Idle.class).connection())
                    .as("repeats")
                    .isSameAs(c);

            for (int i = 0; i < 6; i++) {
                c.send(new GetPeersPacket());
                Thread.sleep(STEP.toMillis());
            }
            assertThat(node.recorder.poll(Duration.ZERO))
                    .as("no idle notice while sending")
                    .isNull();
            assertThat(node.recorder.next(Recorder.Idle.class).connection()).isSameAs(c);
        }
    }
}
