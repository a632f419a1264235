package org.pettycoin.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.PiggybackPacket;
import org.pettycoin.protocol.Protocol;

/** A peer that never reads is cut off once its queue passes the bound (docs/c-differences.md #34). */
@Timeout(10)
class QueueBoundTest {
    private static final int PACKET_BODY = 1024 * 1024;
    /** Far more than the bound plus what both kernels' socket buffers can hold on loopback. */
    private static final int PACKETS = 96;

    private static final int SMALL_RECEIVE_BUFFER = 4096;

    @Test
    @SuppressWarnings("try") // the peer only has to be there, never reading
    void aPeerThatNeverReadsIsClosed() throws IOException {
        TransportConfig config = TransportTest.CONFIG.withMaxQueuedBytes(Protocol.MAX_PACKET_LEN);
        try (PeerFixture node = new PeerFixture(config);
                RawPeer peer = new RawPeer(node.port, SMALL_RECEIVE_BUFFER)) {
            Connection c = node.recorder.next(Recorder.Connected.class).connection();
            PiggybackPacket big = new PiggybackPacket(Bytes.of(new byte[PACKET_BODY]));
            for (int i = 0; i < PACKETS && c.isOpen(); i++) {
                c.send(big);
            }
            Recorder.Closed closed = node.recorder.next(Recorder.Closed.class);
            assertThat(closed.reason().cause()).isEqualTo(CloseReason.Cause.OUTPUT_OVERFLOW);
            assertThat(closed.reason().detail()).contains("does not read");
        }
    }
}
