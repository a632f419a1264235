package org.pettycoin.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.store.Blockfile;

/** How the benches print their figures, and the scratch blockfiles they measure with. */
public final class BenchReport {
    private BenchReport() {}

    /** Something done with a blockfile. */
    @FunctionalInterface
    public interface BlockfileAction {
        void run(Path file) throws IOException;
    }

    /** Writes what {@code builder} built to a temporary blockfile, runs {@code action} on it, deletes it. */
    public static void withBlockfileOf(ChainBuilder builder, BlockfileAction action) throws IOException {
        Path dir = Files.createTempDirectory("pettycoin-bench");
        Path file = dir.resolve(Blockfile.FILE_NAME);
        try {
            builder.writeBlockfile(file);
            action.run(file);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    public static void report(PrintWriter out, String what, long n, long startNanos) {
        reportRate(out, what, n, "blocks", startNanos);
    }

    public static void reportTxs(PrintWriter out, String what, long n, long startNanos) {
        reportRate(out, what, n, "txs", startNanos);
    }

    /** A figure timed elsewhere (e.g. in a child JVM): {@code n} blocks in {@code secs} seconds. */
    public static void reportSeconds(PrintWriter out, String what, long n, double secs) {
        printRate(out, what, n, "blocks", secs);
    }

    /** {@link #reportSeconds} for txs. */
    public static void reportSecondsTxs(PrintWriter out, String what, long n, double secs) {
        printRate(out, what, n, "txs", secs);
    }

    private static void reportRate(PrintWriter out, String what, long n, String unit, long startNanos) {
        printRate(out, what, n, unit, (System.nanoTime() - startNanos) / 1e9);
    }

    private static void printRate(PrintWriter out, String what, long n, String unit, double secs) {
        out.printf("%-45s %8d %-6s in %7.2f s = %9.0f %s/s%n", what, n, unit, secs, n / secs, unit);
        out.flush();
    }

    /**
     * Heap in use after full collections (two, so that what the first freed for finalisation goes
     * too): what the live objects hold, for a difference before and after a node holds something.
     */
    public static long heapAfterCollection() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** This JVM's options as it was started with them ("no options" if none), for a bench's header. */
    public static String jvmOptions() {
        java.util.List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return args.isEmpty() ? "no options" : "options " + String.join(" ", args);
    }

    /** Peak heap use over every heap pool since the JVM started. */
    public static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
