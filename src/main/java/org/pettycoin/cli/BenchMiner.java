package org.pettycoin.cli;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sync bench's miner: a thread of its own that mines one block every {@link
 * SyncBench#MINE_EVERY_MILLIS} by its {@link Step} (in this JVM, or over a node process's RPC),
 * counting them, until stopped or the step fails, which it keeps for the bench to report.
 */
final class BenchMiner {
    /** Mines and announces one block. */
    @FunctionalInterface
    interface Step {
        void mineOne() throws IOException;
    }

    private final Step step;
    private final Runnable atEnd;
    private final AtomicInteger mined = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Optional<String> failure = Optional.empty();

    /** Mines by {@code step}; {@code atEnd} runs on the miner's thread when it stops (closing what it used). */
    BenchMiner(Step step, Runnable atEnd) {
        this.step = step;
        this.atEnd = atEnd;
        this.thread = new Thread(this::loop, "bench-miner");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                step.mineOne();
                mined.incrementAndGet();
                Thread.sleep(SyncBench.MINE_EVERY_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            failure = Optional.of(e.toString());
        } finally {
            atEnd.run();
        }
    }

    int mined() {
        return mined.get();
    }

    /** Why mining stopped early, if it did. */
    Optional<String> failure() {
        return failure;
    }

    /** Stops after the block in hand and waits for the thread. */
    void stop() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
