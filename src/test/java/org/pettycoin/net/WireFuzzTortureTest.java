package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.Network;
import org.pettycoin.daemon.Node;
import org.pettycoin.rpc.RpcClient;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.NodeProcess;
import org.pettycoin.testing.TestNodes;

/**
 * The wire fuzzer against a {@code pettycoin node} process (regtest, a small heap so a leak shows)
 * that syncs from an honest in-process node mining a block every few seconds: a
 * {@link WireFuzzer} sends mutated packets over many short connections while the test checks that
 * the node stays up, answers getinfo within a bound, follows the honest chain and keeps its memory.
 * {@code -Dfuzz.packets=N} (default 1,000,000) and {@code -Dfuzz.seed=S} (default: the clock; printed)
 * steer the torture run; the scenario run sends 20,000. The figures are printed so they can be quoted.
 */
class WireFuzzTortureTest {
    private static final String HEAP = "-Xmx256m";
    /** Generous: the node's heap is 256 MiB; past this something outside it grows. */
    private static final long MAX_RSS_KIB = 1024 * 1024;
    /** Longest a getinfo may take while the node is fuzzed. */
    private static final Duration RPC_BOUND = Duration.ofSeconds(10);

    private static final Duration RPC_EVERY = Duration.ofSeconds(2);
    private static final Duration MINE_EVERY = Duration.ofSeconds(1);
    private static final long TICK_MILLIS = 100;
    /** How long after the fuzzing stops the node may take to reach the honest node's height. */
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private static final int HONEST_START_BLOCKS = 20;
    private static final int IN_FLIGHT = 32;
    private static final int SOURCE_HOSTS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Tag("torture")
    @Timeout(value = 3, unit = TimeUnit.HOURS)
    void aMillionMutatedPacketsLeaveTheNodeUpAndSyncing() throws Exception {
        fuzz(Long.getLong("fuzz.packets", 1_000_000L), 2 * 3600);
    }

    @Test
    @Tag("scenario")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void twentyThousandMutatedPacketsLeaveTheNodeUpAndSyncing() throws Exception {
        fuzz(20_000, 300);
    }

    private void fuzz(long packets, long limitSecs) throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.printf("fuzz: seed %d (-Dfuzz.seed=%d), %d packets%n", seed, seed, packets);
        FuzzCorpus corpus = FuzzCorpus.load();
        Path targetDir = dir.resolve("target");
        try (Node honest = Node.start(Node.Options.of(Network.REGTEST, dir.resolve("honest"), 0, List.of())
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))) {
            TestNodes.mine(honest, HONEST_START_BLOCKS);
            try (NodeProcess target = NodeProcess.start(
                    dir.resolve("target.log"),
                    List.of(HEAP),
                    "--network",
                    "regtest",
                    "--port",
                    "0",
                    "--pettycoin-dir",
                    targetDir.toString(),
                    "--connect",
                    "127.0.0.1:" + honest.port())) {
                int port = target.port();
                target.await("JSON-RPC on", Duration.ofSeconds(30));
                long rssBefore = target.peakRssKib();
                Watch watch = new Watch(targetDir.resolve("pettycoin-rpc"), honest, target);
                Thread watcher = new Thread(watch, "fuzz-watch");
                watcher.start();
                WireFuzzer fuzzer = new WireFuzzer(
                        new WireFuzzer.Config(
                                new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                                packets,
                                seed,
                                IN_FLIGHT,
                                SOURCE_HOSTS),
                        corpus);
                long t0 = System.nanoTime();
                boolean finished = fuzzer.run(limitSecs);
                double secs = (System.nanoTime() - t0) / 1e9;
                watch.stopMining();
                long honestHeight = height(honest);
                boolean caughtUp = Await.await(CATCH_UP, () -> watch.targetHeight.get() >= honestHeight);
                watch.stop();
                watcher.join(30_000);
                long peakRss = target.isAlive() ? target.peakRssKib() : -1;
                List<String> broken = brokenLines(target.output());
                Path kept = keepLog(target);

                System.out.printf(
                        "fuzz: %d packets (%d MiB) over %d connections (%d failed to connect) in %.1f s: %.0f packets/s, "
                                + "%.0f connections/s, from %d loopback addresses, %d at once%n",
                        fuzzer.packets.sum(),
                        fuzzer.bytes.sum() >> 20,
                        fuzzer.connections.sum(),
                        fuzzer.connectFailures.sum(),
                        secs,
                        fuzzer.packets.sum() / secs,
                        fuzzer.connections.sum() / secs,
                        SOURCE_HOSTS,
                        IN_FLIGHT);
                System.out.println("fuzz: mutations " + fuzzer.kinds());
                System.out.println("fuzz: how the node ended connections:");
                fuzzer.endings().forEach((how, n) -> System.out.printf("fuzz:   %8d  %s%n", n, how));
                System.out.printf(
                        "fuzz: getinfo answered %d of %d (slowest %d ms); %d blocks mined meanwhile; heights: honest %d, target %d "
                                + "(caught up: %s, largest lag once first in step %d); peak RSS %d MiB before fuzzing, "
                                + "%d MiB after (%s); node alive: %s%n",
                        watch.answered.get(),
                        watch.asked.get(),
                        watch.slowestMillis.get(),
                        watch.mined.get(),
                        honestHeight,
                        watch.targetHeight.get(),
                        caughtUp,
                        watch.largestLag.get(),
                        rssBefore / 1024,
                        peakRss / 1024,
                        HEAP,
                        target.isAlive());
                System.out.printf(
                        "fuzz: %d log lines with an exception or at level ERROR; the node's log is kept in %s%n",
                        broken.size(), kept);
                broken.stream().limit(20).forEach(l -> System.out.println("fuzz:   " + l));

                assertThat(finished)
                        .as("fuzzer finished within " + limitSecs + " s")
                        .isTrue();
                assertThat(target.isAlive()).as("node process alive").isTrue();
                assertThat(broken).as("exceptions or errors in the node's log").isEmpty();
                assertThat(fuzzer.packets.sum()).isGreaterThanOrEqualTo(packets);
                assertThat(watch.failed.get())
                        .as("getinfo calls that failed or took over " + RPC_BOUND)
                        .isZero();
                assertThat(watch.answered.get()).isPositive();
                assertThat(caughtUp)
                        .as("target reached the honest height " + honestHeight + " within " + CATCH_UP)
                        .isTrue();
                assertThat(watch.mined.get())
                        .as("blocks the honest node mined while the target was fuzzed")
                        .isPositive();
                assertThat(peakRss).as("peak RSS in KiB").isBetween(1L, MAX_RSS_KIB);
                assertThat(target.stop(Duration.ofSeconds(30))).isTrue();
            }
        }
    }

    /**
     * Lines of the node's log that show a fault of its own rather than a peer's: errors, stack
     * traces, exceptions other than the resets of the fuzzer's hang-ups.
     */
    private static List<String> brokenLines(String log) {
        return log.lines()
                .filter(l -> l.contains(" ERROR ")
                        || l.contains("OutOfMemory")
                        || l.startsWith("\tat ")
                        || l.startsWith("Caused by")
                        || (l.contains("Exception") && !l.contains("disconnected (IO_ERROR: java.net.SocketException")))
                .toList();
    }

    /** The node's log, copied under target/ so it outlives the test's temporary directory. */
    private static Path keepLog(NodeProcess target) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "fuzz"));
        Path to = dir.resolve("target-node.log");
        Files.writeString(to, target.output(), StandardCharsets.UTF_8);
        return to;
    }

    private static long height(Node n) throws IOException {
        return TestNodes.on(n, () -> n.state().miningHead().height());
    }

    /**
     * Every {@link #RPC_EVERY}: getinfo on the target, each call bounded by {@link #RPC_BOUND}, and
     * its preferred height kept; from the start and every {@link #MINE_EVERY} until told to stop, a
     * block on the honest node, which announces it to the target.
     */
    private static final class Watch implements Runnable {
        final AtomicInteger asked = new AtomicInteger();
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong slowestMillis = new AtomicLong();
        final AtomicLong targetHeight = new AtomicLong();
        final AtomicLong largestLag = new AtomicLong();
        final AtomicInteger mined = new AtomicInteger();
        private final Path socket;
        private final Node honest;
        private final NodeProcess target;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicBoolean mining = new AtomicBoolean(true);
        /** Whether the target has reached the honest height once (its first sync is not lag). */
        private final AtomicBoolean inStep = new AtomicBoolean();

        private final ExecutorService calls = Executors.newSingleThreadExecutor();

        Watch(Path socket, Node honest, NodeProcess target) {
            this.socket = socket;
            this.honest = honest;
            this.target = target;
        }

        void stopMining() {
            mining.set(false);
        }

        void stop() {
            stop.set(true);
        }

        @Override
        public void run() {
            long nextMine = System.nanoTime();
            long nextAsk = System.nanoTime();
            try {
                while (!stop.get() && target.isAlive()) {
                    long t = System.nanoTime();
                    if (mining.get() && t - nextMine >= 0) {
                        TestNodes.mine(honest, 1);
                        mined.incrementAndGet();
                        nextMine = t + MINE_EVERY.toNanos();
                    }
                    // Once the fuzzing is over, ask often: the catch-up is then waited on.
                    if (t - nextAsk >= 0 || !mining.get()) {
                        ask();
                        nextAsk = t + RPC_EVERY.toNanos();
                    }
                    Thread.sleep(TICK_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new IllegalStateException("the honest node failed", e);
            } finally {
                calls.shutdownNow();
            }
        }

        private void ask() throws IOException, InterruptedException {
            long t = System.nanoTime();
            asked.incrementAndGet();
            try {
                JsonNode info = CompletableFuture.supplyAsync(this::getinfo, calls)
                        .get(RPC_BOUND.toMillis(), TimeUnit.MILLISECONDS);
                targetHeight.set(info.path("preferred_chain").path("height").asLong());
                answered.incrementAndGet();
                long lag = height(honest) - targetHeight.get();
                if (lag <= 0) {
                    inStep.set(true);
                }
                if (inStep.get()) {
                    largestLag.accumulateAndGet(lag, Math::max);
                }
            } catch (ExecutionException | TimeoutException e) {
                failed.incrementAndGet();
            }
            slowestMillis.accumulateAndGet((System.nanoTime() - t) / 1_000_000, Math::max);
        }

        private JsonNode getinfo() {
            try (RpcClient c = RpcClient.connect(socket)) {
                RpcClient.Response r = c.call("getinfo", TextNode.valueOf("fuzz"), JSON.createArrayNode());
                if (!r.ok()) {
                    throw new IllegalStateException(r.error().orElseThrow());
                }
                return r.result();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
