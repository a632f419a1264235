package org.pettycoin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pettycoin.bench.BenchChains;
import org.pettycoin.bench.BenchNodes;
import org.pettycoin.bench.BenchReport;
import org.pettycoin.bench.FullBlocks;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Hash256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pettycoin bench memory}: the heap a node's state keeps (in use after full collections,
 * less what it was before the node started) holding a long chain of empty blocks, and holding a
 * chain of full blocks; and what is left on the serving node after it served a whole sync to a
 * peer (every block asked for by a request), which should be nothing: no structure of a node grows
 * with the requests its peers make.
 */
@Command(
        name = "memory",
        mixinStandardHelpOptions = true,
        description = {
            "Print the heap a regtest node keeps holding a chain of empty blocks and one holding a",
            "chain of full blocks (heap in use after full collections, less the heap before the node",
            "started), per block and per tx, and the heap left on the first node after a fresh peer",
            "synced its whole chain from it (request by request) and went away."
        })
final class MemoryBench implements Callable<Integer> {
    private static final double MIB = 1024.0 * 1024.0;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--blocks",
            defaultValue = "100000",
            paramLabel = "N",
            description = "empty blocks in the first chain (default: ${DEFAULT-VALUE})")
    private int blocks;

    @Option(
            names = "--full-blocks",
            defaultValue = "2000",
            paramLabel = "N",
            description = "full blocks in the second chain; 0 skips it (default: ${DEFAULT-VALUE})")
    private int fullBlocks;

    @Option(
            names = "--txs-per-block",
            defaultValue = "100",
            paramLabel = "T",
            description = "transactions in each full block, at most 1020 (default: ${DEFAULT-VALUE})")
    private int txsPerBlock;

    @Option(
            names = "--timeout",
            defaultValue = "900",
            paramLabel = "S",
            description = "longest wait for the peer's sync, in seconds (default: ${DEFAULT-VALUE})")
    private int timeoutSecs;

    @Override
    public Integer call() throws IOException {
        if (blocks < 1 || blocks > 1_000_000 || fullBlocks < 0 || fullBlocks > 100_000) {
            throw new UserError("--blocks must be 1..1000000 and --full-blocks 0..100000");
        }
        if (txsPerBlock < 1 || txsPerBlock > 1020) {
            throw new UserError("--txs-per-block must be 1..1020, got " + txsPerBlock);
        }
        if (timeoutSecs < 1) {
            throw new UserError("--timeout must be at least 1, got " + timeoutSecs);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("JVM: max heap %.0f MiB, %s%n", Runtime.getRuntime().maxMemory() / MIB, BenchReport.jvmOptions());
        Path root = Files.createTempDirectory("pettycoin-bench-memory");
        try {
            BenchChains.Linear empty = BenchChains.linear(blocks, root.resolve("empty.blockfile"));
            if (!emptyChain(out, root, empty)) {
                return 1;
            }
            if (fullBlocks > 0) {
                FullBlocks.Chain full = FullBlocks.chain(fullBlocks, txsPerBlock, root.resolve("full.blockfile"));
                try (BenchNodes nodes = new BenchNodes(root.resolve("full"), full.lastTimestamp() + 60)) {
                    long before = BenchReport.heapAfterCollection();
                    Node n = nodes.start("holder", Optional.of(full.blockfile()));
                    requireTip(n, full.tip());
                    long heap = BenchReport.heapAfterCollection() - before;
                    long txs = (long) fullBlocks * txsPerBlock;
                    out.printf(
                            "%-40s heap %7.1f MiB = %6.0f bytes/block, %4.0f bytes/tx (blockfile %.1f MiB)%n",
                            fullBlocks + " full blocks of " + txsPerBlock + " txs",
                            heap / MIB,
                            heap / (double) fullBlocks,
                            heap / (double) txs,
                            Files.size(full.blockfile()) / MIB);
                }
            }
            out.printf("peak heap: %.1f MiB%n", BenchReport.peakHeapBytes() / MIB);
            out.flush();
            return 0;
        } finally {
            SyncBench.deleteTree(root);
        }
    }

    /** The empty chain held, then served to a peer that syncs it all and leaves. */
    private boolean emptyChain(PrintWriter out, Path root, BenchChains.Linear chain) throws IOException {
        try (BenchNodes nodes = new BenchNodes(root.resolve("empty"), chain.lastTimestamp() + 60)) {
            long before = BenchReport.heapAfterCollection();
            Node holder = nodes.start("holder", Optional.of(chain.blockfile()));
            requireTip(holder, chain.tip());
            long held = BenchReport.heapAfterCollection() - before;
            out.printf(
                    "%-40s heap %7.1f MiB = %6.0f bytes/block%n",
                    chain.blocks() + " empty blocks", held / MIB, held / (double) chain.blocks());
            out.flush();

            Optional<Long> took = serve(nodes, holder, chain.tip());
            if (took.isEmpty()) {
                out.printf("the peer did not sync the chain in %d s%n", timeoutSecs);
                out.flush();
                return false;
            }
            long after = BenchReport.heapAfterCollection() - before;
            out.printf(
                    "%-40s heap %+7.1f MiB (%.1f s to serve %d blocks)%n",
                    "  after serving a whole sync to a peer", (after - held) / MIB, took.get() / 1e9, chain.blocks());
            out.flush();
            return true;
        }
    }

    /** A fresh peer syncs the whole chain from {@code holder}, then stops: how long it took, if it did. */
    private Optional<Long> serve(BenchNodes nodes, Node holder, Hash256 tip) throws IOException {
        Node peer = nodes.start(
                "peer", Optional.empty(), new InetSocketAddress(InetAddress.getLoopbackAddress(), holder.port()));
        try {
            return BenchNodes.await(System.nanoTime(), Duration.ofSeconds(timeoutSecs), () -> {
                BenchNodes.View v = BenchNodes.view(peer);
                return v.tip().equals(tip) && v.outstanding() == 0;
            });
        } finally {
            nodes.stop(peer);
        }
    }

    private static void requireTip(Node n, Hash256 tip) throws IOException {
        if (!n.call(() -> n.state().miningHead().id()).equals(tip)) {
            throw new IllegalStateException("the node did not replay the whole chain");
        }
    }
}
