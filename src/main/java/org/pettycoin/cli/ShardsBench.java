package org.pettycoin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pettycoin.bench.BenchNodes;
import org.pettycoin.bench.BenchReport;
import org.pettycoin.bench.FullBlocks;
import org.pettycoin.chain.Interests;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.store.Blockfile;
import org.pettycoin.transport.Traffic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pettycoin bench shards}: what holding only some shards saves. One node serves a chain of
 * full blocks; a full node, then nodes holding 3, 2 and 1 of the 4 shards, each sync it from empty,
 * one at a time, until their known tip is the chain's tip with nothing outstanding. For each: the
 * bytes it received, its blockfile's size, and the heap its state keeps (heap in use after a
 * collection, less what it was before the node started).
 */
@Command(
        name = "shards",
        mixinStandardHelpOptions = true,
        description = {
            "Build a regtest chain of full blocks (transactions in all four shards, many paying",
            "across shards), serve it from one node, and sync it from empty with a full node and",
            "with nodes holding 3, 2 and 1 of the 4 shards, one at a time over loopback. Print, for",
            "each, the bytes received from the peer, the blockfile's bytes, the heap its state",
            "keeps, and the time to reach the chain's tip."
        })
final class ShardsBench implements Callable<Integer> {
    private static final Duration SETTLE = Duration.ofSeconds(2);

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--blocks",
            defaultValue = "300",
            paramLabel = "N",
            description = "length of the chain of full blocks (default: ${DEFAULT-VALUE})")
    private int blocks;

    @Option(
            names = "--txs-per-block",
            defaultValue = "100",
            paramLabel = "T",
            description = "transactions in each block, at most 1020 (default: ${DEFAULT-VALUE})")
    private int txsPerBlock;

    @Option(
            names = "--timeout",
            defaultValue = "600",
            paramLabel = "S",
            description = "longest wait for one node's sync, in seconds (default: ${DEFAULT-VALUE})")
    private int timeoutSecs;

    /** One syncing node's figures. */
    record Figures(Interests held, Traffic traffic, long blockfileBytes, long heapBytes, double seconds) {}

    @Override
    public Integer call() throws IOException {
        if (blocks < 1 || blocks > 100_000) {
            throw new UserError("--blocks must be 1..100000, got " + blocks);
        }
        if (txsPerBlock < 1 || txsPerBlock > 1020) {
            throw new UserError("--txs-per-block must be 1..1020, got " + txsPerBlock);
        }
        if (timeoutSecs < 1) {
            throw new UserError("--timeout must be at least 1, got " + timeoutSecs);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path root = Files.createTempDirectory("pettycoin-bench-shards");
        try {
            long t0 = System.nanoTime();
            FullBlocks.Chain chain = FullBlocks.chain(blocks, txsPerBlock, root.resolve("chain.blockfile"));
            out.printf(
                    "built %d blocks of %d txs (%d KiB of blockfile) in %.1f s%n",
                    blocks, txsPerBlock, Files.size(chain.blockfile()) / 1024, (System.nanoTime() - t0) / 1e9);
            out.flush();
            List<Figures> all = new ArrayList<>();
            try (BenchNodes nodes = new BenchNodes(root.resolve("nodes"), chain.lastTimestamp() + 60)) {
                Node server = nodes.start("server", Optional.of(chain.blockfile()));
                if (!knownTip(server).equals(chain.tip())) {
                    throw new IllegalStateException("the serving node did not replay the whole chain");
                }
                InetSocketAddress to = new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), server.port());
                for (Interests held :
                        List.of(Interests.ALL, Interests.of(0, 1, 2), Interests.of(0, 1), Interests.of(0))) {
                    Optional<Figures> f = sync(nodes, held, to, chain.tip());
                    if (f.isEmpty()) {
                        out.printf("%s: did not reach the tip in %d s%n", name(held), timeoutSecs);
                        out.flush();
                        return 1;
                    }
                    all.add(f.get());
                    print(out, f.get(), all.get(0));
                }
            }
            out.printf("peak heap: %.1f MiB%n", BenchReport.peakHeapBytes() / 1048576.0);
            out.flush();
            return 0;
        } finally {
            SyncBench.deleteTree(root);
        }
    }

    private Optional<Figures> sync(BenchNodes nodes, Interests held, InetSocketAddress to, Hash256 tip)
            throws IOException {
        long heapBefore = BenchReport.heapAfterCollection();
        long t0 = System.nanoTime();
        Node n = nodes.start(name(held).replace(' ', '-'), Optional.empty(), held, to);
        try {
            Optional<Long> took = BenchNodes.await(t0, Duration.ofSeconds(timeoutSecs), () -> {
                BenchNodes.View v = BenchNodes.view(n);
                return knownTip(n).equals(tip) && v.outstanding() == 0;
            });
            if (took.isEmpty()) {
                return Optional.empty();
            }
            // what trails the tip (the last answers, a TXMAP's txs) lands before anything is read
            BenchNodes.await(System.nanoTime(), SETTLE, () -> BenchNodes.view(n).outstanding() == 0);
            n.call(() -> {
                n.syncBlockfile();
                return null;
            });
            long heap = BenchReport.heapAfterCollection() - heapBefore;
            return Optional.of(new Figures(
                    held,
                    n.traffic(),
                    Files.size(n.options().dataDir().resolve(Blockfile.FILE_NAME)),
                    heap,
                    took.get() / 1e9));
        } finally {
            nodes.stop(n);
        }
    }

    private static Hash256 knownTip(Node n) throws IOException {
        return n.call(() -> n.state().miningHead().id());
    }

    private static String name(Interests held) {
        return held.holdsAll() ? "full node" : held.shards().size() + " of 4 shards " + held;
    }

    private static void print(PrintWriter out, Figures f, Figures full) {
        out.printf(
                "%-22s received %9d bytes (%5.1f%%)  blockfile %9d bytes (%5.1f%%)  heap %6.1f MiB (%5.1f%%)  "
                        + "in %6.2f s%n",
                name(f.held()),
                f.traffic().bytesIn(),
                100.0 * f.traffic().bytesIn() / full.traffic().bytesIn(),
                f.blockfileBytes(),
                100.0 * f.blockfileBytes() / full.blockfileBytes(),
                f.heapBytes() / 1048576.0,
                100.0 * f.heapBytes() / full.heapBytes(),
                f.seconds());
        out.flush();
    }
}
