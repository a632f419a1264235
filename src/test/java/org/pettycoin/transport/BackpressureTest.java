package org.pettycoin.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.protocol.GetPeersPacket;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.testing.Await;

/** A peer sending faster than the node thread works is made to wait, not buffered without bound. */
@Timeout(60)
class BackpressureTest {
    @Test
    void aFloodOfPacketsIsReadOnlyAsFastAsItIsHandled() throws Exception {
        ExecutorService nodeThread = Executors.newSingleThreadExecutor();
        AtomicInteger handled = new AtomicInteger();
        AtomicInteger maxBacklog = new AtomicInteger();
        AtomicReference<NettyConnection> conn = new AtomicReference<>();
        ConnectionListener slow = new ConnectionListener() {
            @Override
            public void connected(Connection c) {
                conn.set((NettyConnection) c);
            }

            @Override
            public void packet(Connection c, Packet p) {
                maxBacklog.accumulateAndGet(((NettyConnection) c).undelivered(), Math::max);
                handled.incrementAndGet();
                if (handled.get() % 100 == 0) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void malformed(Connection c, ProtocolException e) {}

            @Override
            public void outputIdle(Connection c) {}

            @Override
            public void closed(Connection c, CloseReason r) {}

            @Override
            public void connectFailed(InetSocketAddress a, String r) {}
        };
        int total = 200_000;
        try (Transport t = new Transport(TransportConfig.defaults(), slow, nodeThread)) {
            int port = t.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            byte[] one = PacketCodec.encode(new GetPeersPacket());
            byte[] batch = new byte[one.length * 1000];
            for (int i = 0; i < 1000; i++) {
                System.arraycopy(one, 0, batch, i * one.length, one.length);
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < total / 1000; i++) {
                    out.write(batch);
                }
                out.flush();
                Await.await(Duration.ofSeconds(50), () -> handled.get() >= total);
            }
            assertThat(handled.get()).isEqualTo(total);
            // One read of the socket may hold thousands of 8-byte packets, so the bound is the pause
            // mark plus what a read brings, far below the 200,000 sent.
            assertThat(maxBacklog.get()).isLessThan(NettyConnection.PAUSE_AT + 20_000);
        } finally {
            nodeThread.shutdownNow();
        }
    }
}
