package org.pettycoin.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.TxPacket;

/**
 * Verifies tx signatures on worker threads ahead of the node thread, so that the node thread, which
 * checks every tx itself, finds each signature in the {@link TxSigning}'s {@link VerifiedSignatures}
 * instead of spending secp256k1's time on it (docs/architecture.md, Threads). What a worker learns is
 * only ever a cache entry: the node thread's checks decide, a miss (the pool was full, closed, or not
 * done) is verified there inline, and a bad signature is never cached, so correctness never depends
 * on the pool.
 *
 * <p>Fixed threads (daemon, named {@code sigcheck-N}) and a bounded queue: when the queue is full a
 * tx is not queued (its future is complete at once) and the node thread verifies it, so the pool
 * never grows memory and never blocks the caller.
 */
public final class SignaturePool implements AutoCloseable {
    /** Queued txs at most: a few hundred full blocks' worth of work ahead, ~40 µs each. */
    public static final int DEFAULT_QUEUE = 16_384;

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final TxSigning signing;
    private final int threads;
    private final ThreadPoolExecutor executor;
    private final LongAdder verified = new LongAdder();
    private final LongAdder skipped = new LongAdder();

    public SignaturePool(TxSigning signing, int threads, int queueCapacity) {
        if (threads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("threads and queue must be at least 1");
        }
        this.signing = signing;
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "sigcheck-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** One thread per core, with the default queue. */
    public static SignaturePool perCore(TxSigning signing) {
        return new SignaturePool(signing, Runtime.getRuntime().availableProcessors(), DEFAULT_QUEUE);
    }

    public int threads() {
        return threads;
    }

    /** The txs of a packet whose signature the node thread will check: TX and TX_IN_BLOCK carry one each. */
    public static List<Tx> txsOf(Packet packet) {
        if (packet instanceof TxPacket p) {
            return List.of(p.tx());
        }
        if (packet instanceof TxInBlockPacket p) {
            return List.of(p.proven().tx());
        }
        return List.of();
    }

    /** {@link #preverify(List)} of the packet's txs; complete at once for a packet without any. */
    public CompletableFuture<Void> preverify(Packet packet) {
        List<Tx> txs = txsOf(packet);
        return txs.isEmpty() ? DONE : preverify(txs);
    }

    /**
     * Verifies each tx's signature on a worker, recording the valid ones. The future completes when
     * each has been verified or passed over (queue full, pool closed); never exceptionally.
     */
    public CompletableFuture<Void> preverify(List<Tx> txs) {
        List<CompletableFuture<Void>> each = new ArrayList<>(txs.size());
        for (Tx tx : txs) {
            Job job = new Job(tx, new CompletableFuture<>());
            try {
                executor.execute(job);
                each.add(job.done());
            } catch (RejectedExecutionException e) {
                skipped.increment(); // full or closed: the node thread verifies this one inline
            }
        }
        if (each.isEmpty()) {
            return DONE;
        }
        return each.size() == 1 ? each.get(0) : CompletableFuture.allOf(each.toArray(CompletableFuture[]::new));
    }

    /** Txs verified on the workers, and those passed over because the queue was full or the pool closed. */
    public Counts counts() {
        return new Counts(verified.sum(), skipped.sum());
    }

    public record Counts(long verified, long skipped) {}

    /** Stops the workers; queued txs are dropped (their futures complete), and later ones are passed over. */
    @Override
    public void close() {
        for (Runnable r : executor.shutdownNow()) {
            ((Job) r).done().complete(null);
        }
    }

    /** One tx to verify; {@code done} completes after, whatever the outcome. */
    private final class Job implements Runnable {
        private final Tx tx;
        private final CompletableFuture<Void> done;

        Job(Tx tx, CompletableFuture<Void> done) {
            this.tx = tx;
            this.done = done;
        }

        CompletableFuture<Void> done() {
            return done;
        }

        @Override
        public void run() {
            try {
                signing.verify(tx); // the result is only the cache entry; the node thread decides
                verified.increment();
            } finally {
                done.complete(null);
            }
        }
    }
}
