package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.bench.BenchChains;
import org.pettycoin.chain.Network;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.WelcomePacket;
import org.pettycoin.rpc.RpcClient;
import org.pettycoin.testing.NodeProcess;
import org.pettycoin.transport.PeerLimits;

/**
 * A {@code pettycoin node} process syncing a regtest chain from an honest node while a flood of
 * TCP connections hits it from many loopback addresses: half from 127.0.0.1 alone, half spread over
 * 127.0.0.2..51; most idle, some sending garbage, some the start of a welcome. The node must finish
 * its sync, answer JSON-RPC throughout, close every connection over its limits at once, and stay
 * within its memory. The flood never holds more than {@link #CONCURRENT} sockets, so it fits the
 * usual limit of 1024 descriptors. The figures are printed so they can be quoted.
 */
@Timeout(180)
class ConnectionFloodTest {
    /** Floods at most this many sockets at once: above the node's inbound share, far below 1024 fds. */
    private static final int CONCURRENT = 96;
    /** How long a socket the node admitted is held before the flood lets it go. */
    private static final Duration HOLD = Duration.ofSeconds(1);
    /** Longest the node may take to show its hand (a welcome, or a close) on a new connection. */
    private static final Duration VERDICT = Duration.ofSeconds(5);

    private static final String HEAP = "-Xmx192m";
    private static final long MAX_RSS_KIB = 512 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aThousandConnectionsDoNotStopASync() throws Exception {
        flood(10_000, 1000);
    }

    @Test
    @Tag("scenario")
    void tenThousandConnectionsDoNotStopALongerSync() throws Exception {
        flood(50_000, 10_000);
    }

    private void flood(int blocks, int connections) throws Exception {
        long t0 = System.nanoTime();
        BenchChains.Linear chain = BenchChains.linear(blocks, dir.resolve("chain.blockfile"));
        System.out.printf("flood: built %d blocks in %.1f s%n", blocks, (System.nanoTime() - t0) / 1e9);
        Path honestDir = BenchChains.install(chain.blockfile(), dir.resolve("honest"));
        Path syncing = dir.resolve("syncing");
        try (Node honest = Node.start(Node.Options.of(Network.REGTEST, honestDir, 0, List.of())
                        .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
                NodeProcess node = NodeProcess.start(
                        dir.resolve("syncing.log"),
                        List.of(HEAP),
                        "--network",
                        "regtest",
                        "--pettycoin-dir",
                        syncing.toString(),
                        "--connect",
                        "127.0.0.1:" + honest.port())) {
            // It dials the honest node as soon as it listens: the flood starts with the sync.
            int port = node.port();
            long syncStart = System.nanoTime();
            node.await("JSON-RPC on", Duration.ofSeconds(30));
            long rssBefore = node.peakRssKib();
            RpcWatch rpc = new RpcWatch(syncing.resolve("pettycoin-rpc"));
            Thread watcher = new Thread(rpc, "flood-rpc-watch");
            watcher.start();

            Flood f = new Flood(port, connections);
            long floodStart = System.nanoTime();
            rpc.floodFrom(floodStart);
            f.run();
            long floodEnd = System.nanoTime();
            rpc.floodUntil(floodEnd);
            Optional<Double> syncSecs = awaitTip(rpc, chain.tip().hex(), syncStart, Duration.ofMinutes(2));
            rpc.stop();
            watcher.join(20_000);
            long rssAfter = node.peakRssKib();
            double floodSecs = (floodEnd - floodStart) / 1e9;

            System.out.printf(
                    "flood: %d connections in %.1f s, at most %d at once: %d admitted (at most %d at once), "
                            + "%d refused (closed within %d ms at worst), %d not accepted by TCP, %d silent%n",
                    f.opened.get(),
                    floodSecs,
                    CONCURRENT,
                    f.admitted.get(),
                    f.maxAdmitted.get(),
                    f.refused.get(),
                    f.slowestRefusalMillis.get(),
                    f.connectFailed.get(),
                    f.silent.get());
            System.out.printf(
                    "flood: sync of %d blocks %s (the flood ran from %.1f to %.1f s of it); JSON-RPC "
                            + "answered %d of %d getinfo calls (%d during the flood), slowest %d ms, most connections "
                            + "seen %d; peak RSS %d MiB before the flood, %d MiB after (%s)%n",
                    blocks,
                    syncSecs.map(s -> String.format("done in %.1f s", s)).orElse("NOT DONE"),
                    (floodStart - syncStart) / 1e9,
                    (floodEnd - syncStart) / 1e9,
                    rpc.answered.get(),
                    rpc.asked.get(),
                    rpc.answeredInFlood.get(),
                    rpc.slowestMillis.get(),
                    rpc.mostConnections.get(),
                    rssBefore / 1024,
                    rssAfter / 1024,
                    HEAP);

            assertThat(syncSecs).as("sync finished").isPresent();
            assertThat(f.opened.get() + f.connectFailed.get()).isEqualTo(connections);
            assertThat(f.refused.get()).as("connections refused").isPositive();
            assertThat(f.admitted.get()).as("connections served").isPositive();
            assertThat(rpc.mostConnections.get()).isLessThanOrEqualTo(PeerLimits.MAX_PEERS);
            assertThat(f.silent.get())
                    .as("connections neither served nor closed within " + VERDICT)
                    .isZero();
            assertThat(rpc.failed.get())
                    .as("getinfo calls that failed or took over 10 s")
                    .isZero();
            assertThat(rpc.answeredInFlood.get())
                    .as("getinfo answers during the flood")
                    .isPositive();
            assertThat(rssAfter).as("peak RSS in KiB").isLessThan(MAX_RSS_KIB);
            assertThat(node.isAlive()).isTrue();
            assertThat(node.output()).contains("refused inbound connection from");
            assertThat(node.stop(Duration.ofSeconds(30))).isTrue();
        }
    }

    private static Optional<Double> awaitTip(RpcWatch rpc, String tip, long startNanos, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (tip.equals(rpc.preferred)) {
                return Optional.of((rpc.preferredAtNanos - startNanos) / 1e9);
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    /** Calls getinfo every 100 ms, each with its own bounded wait, and keeps the tip it reports. */
    private static final class RpcWatch implements Runnable {
        final AtomicInteger asked = new AtomicInteger();
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong slowestMillis = new AtomicLong();
        final AtomicInteger mostConnections = new AtomicInteger();
        final AtomicInteger answeredInFlood = new AtomicInteger();
        private volatile long floodFrom = Long.MAX_VALUE;
        private volatile long floodUntil = Long.MAX_VALUE;
        volatile String preferred = "";
        volatile long preferredAtNanos;
        private final Path socket;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ExecutorService calls = Executors.newSingleThreadExecutor();

        RpcWatch(Path socket) {
            this.socket = socket;
        }

        void stop() {
            stop.set(true);
        }

        void floodFrom(long nanos) {
            floodFrom = nanos;
        }

        void floodUntil(long nanos) {
            floodUntil = nanos;
        }

        @Override
        public void run() {
            try {
                while (!stop.get()) {
                    long t = System.nanoTime();
                    asked.incrementAndGet();
                    try {
                        JsonNode info = CompletableFuture.supplyAsync(this::getinfo, calls)
                                .get(10, TimeUnit.SECONDS);
                        String sha = info.path("preferred_chain").path("sha").asText();
                        mostConnections.accumulateAndGet(
                                info.path("connections").asInt(), Math::max);
                        if (!sha.equals(preferred)) {
                            preferred = sha;
                            preferredAtNanos = System.nanoTime();
                        }
                        answered.incrementAndGet();
                        if (t - floodFrom >= 0 && floodUntil - t >= 0) {
                            answeredInFlood.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    slowestMillis.accumulateAndGet((System.nanoTime() - t) / 1_000_000, Math::max);
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                calls.shutdownNow();
            }
        }

        private JsonNode getinfo() {
            try (RpcClient c = RpcClient.connect(socket)) {
                RpcClient.Response r = c.call("getinfo", TextNode.valueOf("flood"), JSON.createArrayNode());
                if (!r.ok()) {
                    throw new IllegalStateException(r.error().orElseThrow());
                }
                return r.result();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The connections, at most {@link #CONCURRENT} at once, each classified by what the node does with it. */
    private static final class Flood {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger connectFailed = new AtomicInteger();
        final AtomicInteger admitted = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger silent = new AtomicInteger();
        final AtomicInteger maxAdmitted = new AtomicInteger();
        final AtomicLong slowestRefusalMillis = new AtomicLong();
        private final AtomicInteger admittedNow = new AtomicInteger();
        private final AtomicInteger next = new AtomicInteger();
        private final int port;
        private final int total;
        private final byte[] welcomeStart;

        Flood(int port, int total) {
            this.port = port;
            this.total = total;
            NetAddress you = new NetAddress(0, Bytes.of(new byte[16]), port, 0, NodeUuid.ZERO);
            WelcomePacket w = new WelcomePacket(
                    1,
                    WelcomePacket.moniker("flood"),
                    0,
                    NodeUuid.of(new byte[16]),
                    you,
                    WelcomePacket.ALL_INTERESTS,
                    Optional.<Block>empty());
            welcomeStart = Arrays.copyOf(PacketCodec.encode(w), 200);
        }

        void run() throws InterruptedException {
            ExecutorService workers = Executors.newFixedThreadPool(CONCURRENT);
            for (int w = 0; w < CONCURRENT; w++) {
                workers.execute(this::work);
            }
            workers.shutdown();
            if (!workers.awaitTermination(150, TimeUnit.SECONDS)) {
                workers.shutdownNow();
                throw new AssertionError("the flood did not finish");
            }
        }

        private void work() {
            Random random = new Random();
            for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                try {
                    one(i, random);
                } catch (IOException e) {
                    connectFailed.incrementAndGet();
                }
            }
        }

        /** Half from 127.0.0.1, over its per-address share; half spread, over the total. */
        private static InetAddress source(int i) throws IOException {
            int host = i % 2 == 0 ? 1 : 2 + (i / 2) % 50;
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host});
        }

        private void one(int i, Random random) throws IOException {
            try (Socket s = new Socket()) {
                s.setSoLinger(true, 0); // let go at once: the flood is not to fill this side with TIME_WAIT
                s.bind(new InetSocketAddress(source(i), 0));
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) VERDICT.toMillis());
                opened.incrementAndGet();
                long t = System.nanoTime();
                try {
                    switch (i % 10) {
                        case 0 -> {
                            byte[] junk = new byte[64];
                            random.nextBytes(junk);
                            s.getOutputStream().write(junk);
                        }
                        case 1 -> s.getOutputStream().write(welcomeStart);
                        default -> {}
                    }
                } catch (SocketException closedAlready) {
                    // refused before we wrote: the read below sees it
                }
                s.setSoTimeout((int) VERDICT.toMillis());
                InputStream in = s.getInputStream();
                int first;
                try {
                    first = in.read();
                } catch (SocketTimeoutException e) {
                    silent.incrementAndGet();
                    return;
                } catch (SocketException reset) {
                    first = -1;
                }
                if (first < 0) {
                    refused.incrementAndGet();
                    slowestRefusalMillis.accumulateAndGet((System.nanoTime() - t) / 1_000_000, Math::max);
                    return;
                }
                // The node sends its welcome to every connection it takes.
                admitted.incrementAndGet();
                maxAdmitted.accumulateAndGet(admittedNow.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(HOLD.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    admittedNow.decrementAndGet();
                }
            }
        }
    }
}
