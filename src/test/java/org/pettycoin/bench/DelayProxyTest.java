package org.pettycoin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The delaying proxy between two plain sockets on 127.0.0.1. */
@Timeout(30)
class DelayProxyTest {
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    /** A listening socket whose accepted connections are handed to the test. */
    private final class Target implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        final BlockingQueue<Socket> accepted = new ArrayBlockingQueue<>(4);
        final Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(server.accept());
                }
            } catch (IOException e) {
                // closed
            }
        });

        Target() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
            cleanup.add(this);
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        }

        Socket next() throws InterruptedException {
            Socket s = accepted.poll(10, TimeUnit.SECONDS);
            assertThat(s).as("a connection reached the target").isNotNull();
            cleanup.add(s);
            return s;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private DelayProxy proxy(Target target, Duration latency, int maxDelayed) throws IOException {
        DelayProxy p = DelayProxy.start(target.address(), latency, maxDelayed);
        cleanup.add(p);
        return p;
    }

    private Socket dial(DelayProxy p) throws IOException {
        Socket s = new Socket(p.address().getAddress(), p.address().getPort());
        s.setTcpNoDelay(true);
        cleanup.add(s);
        return s;
    }

    /** Copies everything {@code s} reads back to it, on a thread of its own. */
    private static void echo(Socket s) {
        Thread t = new Thread(() -> {
            try (InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the test closed it
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static void writeInBackground(Socket s, byte[] data, int chunk) {
        Thread t = new Thread(() -> {
            try {
                OutputStream out = s.getOutputStream();
                for (int off = 0; off < data.length; off += chunk) {
                    out.write(data, off, Math.min(chunk, data.length - off));
                }
                out.flush();
            } catch (IOException e) {
                // the reader will miss bytes and fail
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Test
    void bytesArriveIntactAndInOrderBothWays() throws Exception {
        Target target = new Target();
        DelayProxy p = proxy(target, Duration.ofMillis(5), DelayProxy.DEFAULT_MAX_DELAYED_BYTES);
        Socket client = dial(p);
        Socket server = target.next();
        byte[] up = random(3 << 20, 1);
        byte[] down = random(2 << 20, 2);
        writeInBackground(client, up, 1000);
        writeInBackground(server, down, 7777);
        assertThat(server.getInputStream().readNBytes(up.length)).isEqualTo(up);
        assertThat(client.getInputStream().readNBytes(down.length)).isEqualTo(down);
    }

    @Test
    void aSmallBoundOnDelayedBytesPausesReadingButLosesNothing() throws Exception {
        Target target = new Target();
        DelayProxy p = proxy(target, Duration.ofMillis(2), 16 * 1024);
        Socket client = dial(p);
        echo(target.next());
        byte[] data = random(4 << 20, 3);
        writeInBackground(client, data, 64 * 1024);
        assertThat(client.getInputStream().readNBytes(data.length)).isEqualTo(data);
    }

    @Test
    void anEchoRoundTripTakesAtLeastTwiceTheLatency() throws Exception {
        Duration latency = Duration.ofMillis(100);
        Target target = new Target();
        DelayProxy p = proxy(target, latency, DelayProxy.DEFAULT_MAX_DELAYED_BYTES);
        Socket client = dial(p);
        echo(target.next());
        byte[] kib = random(1024, 4);
        long t0 = System.nanoTime();
        client.getOutputStream().write(kib);
        byte[] back = client.getInputStream().readNBytes(kib.length);
        long elapsed = System.nanoTime() - t0;
        assertThat(back).isEqualTo(kib);
        assertThat(elapsed).isGreaterThanOrEqualTo(2 * latency.toNanos());
    }

    @Test
    void chunksInFlightShareTheLatencyRatherThanQueueBehindEachOthersRoundTrips() throws Exception {
        Duration latency = Duration.ofMillis(200);
        Target target = new Target();
        DelayProxy p = proxy(target, latency, DelayProxy.DEFAULT_MAX_DELAYED_BYTES);
        Socket client = dial(p);
        echo(target.next());
        int chunks = 20;
        long t0 = System.nanoTime();
        OutputStream out = client.getOutputStream();
        for (int i = 0; i < chunks; i++) {
            out.write(random(100, i));
            Thread.sleep(20);
        }
        byte[] back = client.getInputStream().readNBytes(chunks * 100);
        long elapsed = System.nanoTime() - t0;
        assertThat(back).hasSize(chunks * 100);
        // Pipelined: about 0.4 s of writing plus one round trip. One round trip per chunk would be 8 s.
        assertThat(elapsed).isLessThan(2L * chunks * latency.toNanos() / 2);
    }

    @Test
    void aCloseOnEitherSideReachesTheOther() throws Exception {
        Target target = new Target();
        DelayProxy p = proxy(target, Duration.ofMillis(20), DelayProxy.DEFAULT_MAX_DELAYED_BYTES);

        Socket client = dial(p);
        Socket server = target.next();
        client.getOutputStream().write(new byte[] {1, 2, 3});
        client.close();
        InputStream in = server.getInputStream();
        assertThat(in.readNBytes(3))
                .as("bytes sent before the close still arrive")
                .containsExactly(1, 2, 3);
        assertThat(in.read()).isEqualTo(-1);

        Socket client2 = dial(p);
        Socket server2 = target.next();
        server2.close();
        assertThat(client2.getInputStream().read()).isEqualTo(-1);
    }

    @Test
    void aClientIsClosedWhenTheTargetCannotBeReached() throws Exception {
        // Port 1: nothing listens there and, being outside the ephemeral range, a connect to it can
        // never meet itself (a just-freed ephemeral port can: TCP simultaneous open).
        DelayProxy p = DelayProxy.start(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 1),
                Duration.ofMillis(5),
                DelayProxy.DEFAULT_MAX_DELAYED_BYTES);
        cleanup.add(p);
        Socket client = dial(p);
        client.setSoTimeout(10_000);
        assertThat(client.getInputStream().read()).isEqualTo(-1);
    }
}
