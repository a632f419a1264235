package org.pettycoin.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.pettycoin.bench.BenchChains;
import org.pettycoin.bench.BenchNodes;
import org.pettycoin.bench.RpcProbe;
import org.pettycoin.protocol.Hash256;

/**
 * {@code pettycoin bench sync --processes}: the same two measurements as in one JVM, with each node
 * its own {@code pettycoin node} process. A node's clock starts when its "listening on port" line
 * appears, written after its blockfile is replayed and just before it dials, so neither the JVM's
 * start nor the replay is counted (in one JVM the replay is not counted either: the nodes are
 * started before the clock runs). Progress is read over each node's RPC socket.
 */
final class ProcessSync {
    /** What the children get unless told otherwise: what {@code ./pettycoin} gives a node (see the script). */
    static final String DEFAULT_CHILD_JVM = "-Xmx1g";

    static final List<String> DEFAULT_CHILD_JVM_OPTIONS = List.of(DEFAULT_CHILD_JVM.split(" "));

    private final SyncRows rows;
    private final List<String> jvmOptions;
    private final Duration timeout;

    ProcessSync(SyncRows rows, List<String> jvmOptions, Duration timeout) {
        this.rows = rows;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.timeout = timeout;
    }

    List<String> jvmOptions() {
        return jvmOptions;
    }

    /** A node started on its blockfile's tip and answering RPC, and the address to dial it by (through the link). */
    private record Serving(ChildNodes.Child node, InetSocketAddress route) {}

    private Serving serving(
            ChildNodes nodes, String name, Path blockfile, Hash256 tip, String which, Optional<Duration> link)
            throws IOException {
        ChildNodes.Child c = nodes.start(name, Optional.of(blockfile), Optional.empty());
        int port = c.awaitListening(timeout).port();
        c.awaitRpc(timeout);
        expectTip(c, tip, which);
        return new Serving(c, nodes.route(port, link));
    }

    private static String label(String what) {
        return what + ", processes";
    }

    /** (a) An empty node dials one that holds the chain: until it is on the same tip, nothing outstanding. */
    boolean initialSync(BenchChains.Linear chain, Optional<Duration> link, Path dir) throws IOException {
        String what = label("initial sync from one peer, " + SyncRows.linkName(link));
        try (ChildNodes nodes = new ChildNodes(dir, SyncBench.clockAfterTip(chain.lastTimestamp()), jvmOptions)) {
            InetSocketAddress toA = serving(
                            nodes, "a", chain.blockfile(), chain.tip(), "the node holding the chain", link)
                    .route();
            ChildNodes.Child b = nodes.start("b", Optional.empty(), Optional.of(toA));
            long t0 = b.awaitListening(timeout).seenNanos();
            b.awaitRpc(timeout);
            Optional<Long> took = BenchNodes.await(t0, timeout, () -> {
                RpcProbe.View v = viewOrNone(b);
                return v.tip().equals(chain.tip()) && v.outstanding() == 0;
            });
            if (took.isEmpty()) {
                RpcProbe.View v = viewOrNone(b);
                return rows.failed(
                        what,
                        "the new node is at height " + v.height() + " of " + chain.blocks() + ", " + v.outstanding()
                                + " requests outstanding; its log ends:\n" + b.tail());
            }
            rows.synced(what, chain.blocks(), took.get() / 1e9);
            return true;
        }
    }

    /**
     * (b) The seed scenario, as in one JVM: the mining node starts on its branch; the other starts on
     * its own, dialling it; timed from that dial until both hold both branch tips (so every block of
     * both) and their tips are on one chain; then the miner stops and both must settle on one tip.
     */
    boolean forkHeal(BenchChains.Forked fork, Optional<Duration> link, Path dir) throws IOException {
        String what = label(
                "fork heal " + fork.common() + " + " + fork.a() + "/" + fork.b() + ", " + SyncRows.linkName(link));
        try (ChildNodes nodes = new ChildNodes(dir, SyncBench.clockAfterTip(fork.lastTimestamp()), jvmOptions)) {
            Serving mining = serving(nodes, "b", fork.blockfileB(), fork.tipB(), "the mining node", link);
            ChildNodes.Child b = mining.node();
            InetSocketAddress toB = mining.route();
            ChildNodes.Child a = nodes.start("a", Optional.of(fork.blockfileA()), Optional.of(toB));
            BenchMiner miner = miner(b);
            long t0 = a.awaitListening(timeout).seenNanos();
            miner.start();
            a.awaitRpc(timeout);
            Optional<Long> took;
            int minedMeanwhile;
            try {
                took = BenchNodes.await(t0, timeout, () -> miner.failure().isPresent() || healed(a, b, fork));
                minedMeanwhile = miner.mined();
            } finally {
                miner.stop();
            }
            if (miner.failure().isPresent()) {
                return rows.failed(what, "mining failed: " + miner.failure().get());
            }
            if (took.isEmpty()) {
                RpcProbe.View va = viewOrNone(a);
                RpcProbe.View vb = viewOrNone(b);
                return rows.failed(
                        what,
                        "not healed: nodes at heights " + va.height() + " and " + vb.height()
                                + "; the first's log ends:\n" + a.tail());
            }
            if (!settled(a, b, fork)) {
                return rows.failed(
                        what,
                        "healed, but the nodes did not settle on one tip with both branches within "
                                + SyncBench.SETTLE.toSeconds() + " s of the miner stopping");
            }
            rows.healed(what, took.get() / 1e9, fork.allBlocks(), minedMeanwhile);
            return true;
        }
    }

    private static boolean healed(ChildNodes.Child a, ChildNodes.Child b, BenchChains.Forked fork) throws IOException {
        if (!holdsBoth(a, fork) || !holdsBoth(b, fork)) {
            return false;
        }
        RpcProbe.View va = a.rpc().view();
        RpcProbe.View vb = b.rpc().view();
        return va.height() <= vb.height() ? b.rpc().onOneChain(va, vb) : a.rpc().onOneChain(vb, va);
    }

    /** After mining stops: one tip, both branch tips, nothing outstanding. */
    private static boolean settled(ChildNodes.Child a, ChildNodes.Child b, BenchChains.Forked fork) throws IOException {
        return BenchNodes.await(System.nanoTime(), SyncBench.SETTLE, () -> {
                    RpcProbe.View va = a.rpc().view();
                    RpcProbe.View vb = b.rpc().view();
                    return va.tip().equals(vb.tip())
                            && va.outstanding() == 0
                            && vb.outstanding() == 0
                            && holdsBoth(a, fork)
                            && holdsBoth(b, fork);
                })
                .isPresent();
    }

    private static boolean holdsBoth(ChildNodes.Child n, BenchChains.Forked fork) throws IOException {
        return n.rpc().holds(fork.tipA()) && n.rpc().holds(fork.tipB());
    }

    /** A node's view, or genesis-like zeros if it no longer answers (for a failure's message). */
    private static RpcProbe.View viewOrNone(ChildNodes.Child n) {
        try {
            return n.rpc().view();
        } catch (IOException e) {
            return new RpcProbe.View(Hash256.ZERO, -1, -1);
        }
    }

    private static void expectTip(ChildNodes.Child n, Hash256 tip, String which) throws IOException {
        Hash256 best = n.rpc().view().tip();
        if (!best.equals(tip)) {
            throw new IllegalStateException(which + " started on " + best + ", not the tip of its blockfile " + tip);
        }
    }

    /**
     * Has the mining node mine an empty block on its best block every {@link SyncBench#MINE_EVERY_MILLIS}
     * ({@code generate 1}, which announces it), over its own RPC connection.
     */
    private static BenchMiner miner(ChildNodes.Child node) {
        RpcProbe rpc = new RpcProbe(node.rpc().socket());
        return new BenchMiner(rpc::mineOne, rpc::close);
    }
}
