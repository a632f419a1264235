package org.pettycoin.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.mining.NonceSearch;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockHeader;
import org.pettycoin.protocol.BlockTailer;
import org.pettycoin.protocol.Bytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pettycoin bench mine}: the miner's inner loop (a block id from a SHA-256 midstate over
 * the 12-byte tailer, then the target test) on a real regtest block whose target no id can beat,
 * one thread alone, then every thread at once.
 */
@Command(
        name = "mine",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the miner's hashing: block ids per second from a SHA-256 midstate,",
            "hashing only the 12-byte tailer per attempt, one thread alone and then",
            "--threads threads at once (per thread and in total)."
        })
final class MineBench implements Callable<Integer> {
    /** A valid difficulty no id beats in practice (the id's top 29 bytes must be zero). */
    private static final long IMPOSSIBLE = 0x03010000L;

    private static final long CHUNK = 1 << 14;
    private static final int MAX_THREADS = 1024;
    private static final double WARM_UP_SECS = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "threads hashing at once (default: every core, here ${DEFAULT-VALUE})")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--seconds",
            defaultValue = "3",
            paramLabel = "S",
            description = "length of each measurement (default: ${DEFAULT-VALUE})")
    private double seconds;

    @Override
    public Integer call() throws InterruptedException {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new UserError("--threads must be 1.." + MAX_THREADS);
        }
        if (!(seconds > 0 && seconds <= 3600)) {
            throw new UserError("--seconds must be more than 0 and at most 3600");
        }
        PrintWriter out = spec.commandLine().getOut();
        Block template = unsolvable();
        out.printf(
                "block id pre-image %d bytes: %d absorbed once into the midstate, %d hashed per attempt%n",
                BlockIds.preimageLength(template.numShards()), BlockIds.prefix(template).length, BlockTailer.LENGTH);
        run(template, 1, WARM_UP_SECS);
        Rate alone = run(template, 1, seconds)[0];
        out.printf("%-30s %s%n", "1 thread alone", alone.line());
        Rate[] together = run(template, threads, seconds);
        double total = 0;
        String atOnce = threads + (threads == 1 ? " thread" : " threads") + " at once: ";
        for (int i = 0; i < threads; i++) {
            out.printf("%-30s %s%n", atOnce + "#" + i, together[i].line());
            total += together[i].hashesPerSec();
        }
        out.printf(
                "%-30s %8.3f MH/s  (%.2fx one thread; %d cores)%n",
                atOnce + "total",
                total / 1e6,
                total / alone.hashesPerSec(),
                Runtime.getRuntime().availableProcessors());
        out.flush();
        return 0;
    }

    /** An empty regtest block on genesis, as the miner would build it, but with an unbeatable target. */
    private static Block unsolvable() {
        BlockTree tree = new BlockTree(Network.REGTEST);
        Block b = new ChainBuilder(tree, Address.fromHex("5c".repeat(20)))
                .template(tree.genesis(), Network.REGTEST.genesisTimestamp() + 1);
        return new Block(
                b.header(),
                b.numTxs(),
                b.merkles(),
                b.prevTxhashes(),
                new BlockTailer(b.tailer().timestamp(), IMPOSSIBLE, 0));
    }

    /**
     * One thread's figures.
     *
     * @param hashesPerSec over wall-clock time
     * @param cpuShare the part of that time it was on a core (below 1: other work took the core)
     */
    private record Rate(double hashesPerSec, double cpuShare) {
        String line() {
            return String.format("%8.3f MH/s  (on a core %3.0f%% of the time)", hashesPerSec / 1e6, cpuShare * 100);
        }
    }

    /** Hashes on {@code n} threads started together for about {@code secs}; returns each thread's figures. */
    private static Rate[] run(Block template, int n, double secs) throws InterruptedException {
        Rate[] rates = new Rate[n];
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>(n);
        long[] deadline = new long[1];
        for (int i = 0; i < n; i++) {
            int index = i;
            Thread t = new Thread(
                    () -> {
                        Bytes nonce2 = NonceSearch.addToNonce2(Bytes.of(new byte[BlockHeader.NONCE2_LENGTH]), index);
                        NonceSearch search = new NonceSearch(template, nonce2);
                        ready.countDown();
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        long start = System.nanoTime();
                        long cpuStart = THREADS.getCurrentThreadCpuTime();
                        long hashes = 0;
                        long nonce = 0;
                        while (System.nanoTime() < deadline[0]) {
                            if (search.search(nonce, CHUNK) != null) {
                                throw new IllegalStateException("an id beat an unbeatable target");
                            }
                            hashes += CHUNK;
                            nonce += CHUNK;
                            if (nonce >= NonceSearch.NONCE1_SPACE) {
                                nonce2 = NonceSearch.addToNonce2(nonce2, n);
                                search = new NonceSearch(template, nonce2);
                                nonce = 0;
                            }
                        }
                        double wall = (System.nanoTime() - start) / 1e9;
                        rates[index] =
                                new Rate(hashes / wall, (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9 / wall);
                    },
                    "bench-mine-" + i);
            all.add(t);
            t.start();
        }
        ready.await();
        deadline[0] = System.nanoTime() + (long) (secs * 1e9);
        go.countDown();
        for (Thread t : all) {
            t.join();
        }
        return rates;
    }
}
