package org.pettycoin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.pettycoin.bench.BenchChains;
import org.pettycoin.bench.BenchNodes;
import org.pettycoin.bench.BenchReport;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.daemon.Node;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Hash256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pettycoin bench sync}: real nodes on 127.0.0.1 syncing pre-built regtest chains, timed.
 * Each measurement runs twice: over plain loopback, where a round trip costs nearly nothing, and
 * through a {@link org.pettycoin.bench.DelayProxy} that adds a one-way latency, because round trips
 * are what the seed's nodes paid for across the internet.
 */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = {
            "Run real regtest nodes on 127.0.0.1 and time (a) the initial sync of a",
            "chain from one peer (blocks/s), and (b) the seed scenario: two nodes whose",
            "chains forked long ago connect while one mines a block every 100 ms, until",
            "both hold every block of both branches and their tips are on one chain",
            "(equal but for mined blocks still crossing); both must then settle on one",
            "tip. Each is measured over loopback, then through a proxy that adds",
            "--latency each way. With --processes each node is its own",
            "'pettycoin node' process and JVM."
        })
final class SyncBench implements Callable<Integer> {
    static final int FAILED = 1;
    /** The seed scenario's miner: a block every this often while the fork heals. */
    static final long MINE_EVERY_MILLIS = 100;
    /** After the heal is timed, how long the last mined blocks and requests may take to settle. */
    static final Duration SETTLE = Duration.ofSeconds(60);
    /** Past the newest pre-built block, so every block is in the past but inside the horizon. */
    private static final long CLOCK_AFTER_TIP_SECS = 60;

    private static final int MAX_BLOCKS = 1_000_000;
    private static final int MAX_LATENCY_MS = 60_000;
    private static final Address MINER = Address.fromHex("5b".repeat(20));

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--blocks",
            defaultValue = "5000",
            paramLabel = "N",
            description = "length of the chain synced from empty (default: ${DEFAULT-VALUE})")
    private int blocks;

    @Option(
            names = "--common",
            defaultValue = "1888",
            paramLabel = "N",
            description = "blocks both forked nodes share after genesis (default: ${DEFAULT-VALUE})")
    private int common;

    @Option(
            names = "--branch-a",
            defaultValue = "6000",
            paramLabel = "N",
            description = "blocks on the first node's branch (default: ${DEFAULT-VALUE})")
    private int branchA;

    @Option(
            names = "--branch-b",
            defaultValue = "6001",
            paramLabel = "N",
            description = "blocks on the mining node's branch (default: ${DEFAULT-VALUE})")
    private int branchB;

    @Option(
            names = "--latency",
            defaultValue = "25",
            paramLabel = "MS",
            description = "one-way delay the proxy adds, in ms (default: ${DEFAULT-VALUE})")
    private int latencyMillis;

    @Option(names = "--no-proxy", description = "measure over plain loopback only")
    private boolean noProxy;

    @Option(
            names = "--timeout",
            defaultValue = "600",
            paramLabel = "S",
            description = "longest wait for one measurement, in seconds, before it counts as failed "
                    + "(default: ${DEFAULT-VALUE})")
    private int timeoutSecs;

    @Option(
            names = "--processes",
            description = "run each node as its own 'pettycoin node' process (its own JVM, JIT and heap), "
                    + "watched over its RPC socket, instead of all nodes inside this JVM")
    private boolean processes;

    @Option(
            names = "--child-jvm-option",
            paramLabel = "OPT",
            description = "with --processes: an option for every node's JVM (repeatable), e.g. -Xmx256m or "
                    + "-XX:StartFlightRecording=filename=" + ChildNodes.NODE_NAME + ".jfr ("
                    + ChildNodes.NODE_NAME + " becomes the node's name, e.g. run0-b); none given: "
                    + ProcessSync.DEFAULT_CHILD_JVM
                    + ", as the ./pettycoin launcher gives a node")
    private List<String> childJvmOptions = new ArrayList<>();

    private PrintWriter out;
    private SyncRows rows;

    @Override
    public Integer call() throws IOException {
        validate();
        out = spec.commandLine().getOut();
        rows = new SyncRows(out, spec.commandLine().getErr());
        Path root = Files.createTempDirectory("pettycoin-bench-sync");
        try {
            long t0 = System.nanoTime();
            BenchChains.Linear chain = BenchChains.linear(blocks, root.resolve("chain.blockfile"));
            BenchChains.Forked fork = BenchChains.forked(
                    common, branchA, branchB, root.resolve("a.blockfile"), root.resolve("b.blockfile"));
            out.printf(
                    "built a chain of %d blocks and a fork of %d + %d/%d in %.1f s%n",
                    blocks, common, branchA, branchB, (System.nanoTime() - t0) / 1e9);
            out.flush();
            List<Optional<Duration>> links = new ArrayList<>();
            links.add(Optional.empty());
            if (!noProxy) {
                links.add(Optional.of(Duration.ofMillis(latencyMillis)));
            }
            boolean ok = true;
            int run = 0;
            rows.line("bench JVM options: " + ChildJvm.ownOptions());
            Optional<ProcessSync> children = Optional.empty();
            if (processes) {
                ProcessSync p = new ProcessSync(
                        rows,
                        childJvmOptions.isEmpty() ? ProcessSync.DEFAULT_CHILD_JVM_OPTIONS : childJvmOptions,
                        timeout());
                rows.line("node JVM options: " + p.jvmOptions());
                children = Optional.of(p);
            }
            for (Optional<Duration> link : links) {
                Path a = root.resolve("run" + run++);
                Path b = root.resolve("run" + run++);
                if (children.isPresent()) {
                    ok &= children.get().initialSync(chain, link, a);
                    ok &= children.get().forkHeal(fork, link, b);
                } else {
                    ok &= initialSync(chain, link, a);
                    ok &= forkHeal(fork, link, b);
                }
            }
            out.printf(
                    "peak heap%s: %.1f MiB%n", processes ? " (this JVM)" : "", BenchReport.peakHeapBytes() / 1048576.0);
            out.flush();
            return ok ? 0 : FAILED;
        } finally {
            deleteTree(root);
        }
    }

    private void validate() {
        requireRange("--blocks", blocks, 1, MAX_BLOCKS);
        requireRange("--common", common, 0, MAX_BLOCKS);
        requireRange("--branch-a", branchA, 1, MAX_BLOCKS);
        requireRange("--branch-b", branchB, 1, MAX_BLOCKS);
        requireRange("--latency", latencyMillis, 0, MAX_LATENCY_MS);
        requireRange("--timeout", timeoutSecs, 1, Integer.MAX_VALUE);
    }

    private static void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new UserError(option + " must be " + (max == Integer.MAX_VALUE ? "at least " + min : min + ".." + max)
                    + ", got " + value);
        }
    }

    private static String linkName(Optional<Duration> link) {
        return SyncRows.linkName(link);
    }

    /** (a) An empty node dials one that holds the chain: until it is on the same tip, nothing outstanding. */
    private boolean initialSync(BenchChains.Linear chain, Optional<Duration> link, Path dir) throws IOException {
        String what = "initial sync from one peer, " + linkName(link);
        try (BenchNodes nodes = new BenchNodes(dir, chain.lastTimestamp() + CLOCK_AFTER_TIP_SECS)) {
            Node a = nodes.start("a", Optional.of(chain.blockfile()));
            expectTip(a, chain.tip(), "the node holding the chain");
            InetSocketAddress toA = nodes.route(a, link);
            long t0 = System.nanoTime();
            Node b = nodes.start("b", Optional.empty(), toA);
            Optional<Long> took = BenchNodes.await(t0, timeout(), () -> {
                BenchNodes.View v = BenchNodes.view(b);
                return v.tip().equals(chain.tip()) && v.outstanding() == 0;
            });
            if (took.isEmpty()) {
                BenchNodes.View v = BenchNodes.view(b);
                return failed(
                        what,
                        "the new node is at height " + v.height() + " of " + chain.blocks() + ", " + v.outstanding()
                                + " requests outstanding");
            }
            rows.synced(what, chain.blocks(), took.get() / 1e9);
            return true;
        }
    }

    /**
     * (b) The seed scenario: each node starts on its own branch; they connect while the second mines;
     * timed until both hold every block of both branches and their tips are on one chain (equal but
     * for the mined blocks still crossing). Then the miner stops and both must settle on the same
     * tip, the same number of blocks and nothing outstanding.
     */
    private boolean forkHeal(BenchChains.Forked fork, Optional<Duration> link, Path dir) throws IOException {
        String what = "fork heal " + fork.common() + " + " + fork.a() + "/" + fork.b() + ", " + linkName(link);
        try (BenchNodes nodes = new BenchNodes(dir, fork.lastTimestamp() + CLOCK_AFTER_TIP_SECS)) {
            Node a = nodes.start("a", Optional.of(fork.blockfileA()));
            Node b = nodes.start("b", Optional.of(fork.blockfileB()));
            expectTip(a, fork.tipA(), "the first node");
            expectTip(b, fork.tipB(), "the mining node");
            InetSocketAddress toB = nodes.route(b, link);
            BenchMiner miner = miner(b, nodes.clock()::unixSeconds);
            long t0 = System.nanoTime();
            a.connect(toB);
            miner.start();
            long all = fork.allBlocks();
            Optional<Long> took;
            int minedMeanwhile;
            try {
                took = BenchNodes.await(t0, timeout(), () -> {
                    if (miner.failure().isPresent()) {
                        return true; // reported below
                    }
                    BenchNodes.View va = BenchNodes.view(a);
                    BenchNodes.View vb = BenchNodes.view(b);
                    return va.blocks() >= all
                            && vb.blocks() >= all
                            && holdsBoth(a, fork)
                            && holdsBoth(b, fork)
                            && onOneChain(a, va, b, vb);
                });
                minedMeanwhile = miner.mined();
            } finally {
                miner.stop();
            }
            if (miner.failure().isPresent()) {
                return failed(what, "mining failed: " + miner.failure().get());
            }
            if (took.isEmpty()) {
                BenchNodes.View va = BenchNodes.view(a);
                BenchNodes.View vb = BenchNodes.view(b);
                return failed(
                        what,
                        "not healed: nodes hold " + va.blocks() + " and " + vb.blocks() + " of " + all
                                + "+ blocks, at heights " + va.height() + " and " + vb.height());
            }
            if (!settled(a, b, fork)) {
                return failed(
                        what,
                        "healed, but the nodes did not settle on one tip with every block within " + SETTLE.toSeconds()
                                + " s of the miner stopping");
            }
            rows.healed(what, took.get() / 1e9, all, minedMeanwhile);
            return true;
        }
    }

    /** After mining stops: one tip, the same blocks, both branch tips, nothing outstanding. */
    private static boolean settled(Node a, Node b, BenchChains.Forked fork) throws IOException {
        return BenchNodes.await(System.nanoTime(), SETTLE, () -> {
                    BenchNodes.View va = BenchNodes.view(a);
                    BenchNodes.View vb = BenchNodes.view(b);
                    return va.tip().equals(vb.tip())
                            && va.blocks() == vb.blocks()
                            && va.outstanding() == 0
                            && vb.outstanding() == 0
                            && holdsBoth(a, fork)
                            && holdsBoth(b, fork);
                })
                .isPresent();
    }

    /**
     * Whether the nodes' best blocks lie on one chain: the lower is the higher or an ancestor of it.
     * While one node mines, the other's tip trails by the blocks still crossing, so the tips are
     * equal only between a block's arrival and the next block; with a latency near the mining
     * interval that moment is hardly ever seen, and waiting for it would time the miner, not the heal.
     */
    private static boolean onOneChain(Node a, BenchNodes.View va, Node b, BenchNodes.View vb) throws IOException {
        if (va.height() > vb.height()) {
            return onOneChain(b, vb, a, va);
        }
        return b.call(() -> b.state()
                .tree()
                .find(va.tip())
                .map(t -> t.precedes(b.state().miningHead()))
                .orElse(false));
    }

    private static boolean holdsBoth(Node n, BenchChains.Forked fork) throws IOException {
        return n.call(
                () -> n.state().tree().contains(fork.tipA()) && n.state().tree().contains(fork.tipB()));
    }

    private static void expectTip(Node n, Hash256 tip, String which) throws IOException {
        Hash256 best = BenchNodes.view(n).tip();
        if (!best.equals(tip)) {
            throw new IllegalStateException(which + " started on " + best + ", not the tip of its blockfile " + tip);
        }
    }

    /** How long a node's clock starts after the newest pre-built block, for {@code --mocktime}. */
    static long clockAfterTip(long lastTimestamp) {
        return lastTimestamp + CLOCK_AFTER_TIP_SECS;
    }

    private Duration timeout() {
        return Duration.ofSeconds(timeoutSecs);
    }

    private boolean failed(String what, String why) {
        return rows.failed(what, why);
    }

    /** Mines an empty block on a node's best block every {@link #MINE_EVERY_MILLIS} and announces it. */
    private static BenchMiner miner(Node node, LongSupplier clock) {
        return new BenchMiner(
                () -> node.call(() -> {
                    BlockNode head = node.state().miningHead();
                    // Real time where the chain allows it: blocks a second apart would run ahead of the clock.
                    long ts = Math.max(head.block().tailer().timestamp() + 1, clock.getAsLong());
                    node.network().announce(ChainBuilder.on(node.input(), MINER).mine(head, ts));
                    return null;
                }),
                () -> {});
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
