package org.pettycoin.chainstate;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node thread, and the only way onto it: connection events ({@link #execute}), waiting callers
 * such as JSON-RPC commands and {@code generate} ({@link #call}), and timers ({@link #schedule},
 * {@link #scheduleWithFixedDelay}). Every task runs under one failure policy, here and nowhere else:
 *
 * <ul>
 *   <li>a {@link StorageFailure} (the blockfile cannot be written or synced) puts the thread in its
 *       failed state: no task queued or scheduled after it runs, so nothing is announced that a
 *       restart would not have, and the owner is told once (the node then closes itself);
 *   <li>any other unexpected exception is logged once with its stack and costs only what caused it:
 *       a timer keeps its schedule (none is ever cancelled by a throw), a waiting caller gets the
 *       exception, and a connection's event closes that connection ({@link SerialExecutor});
 *   <li>an {@link Error} is logged and treated as a failure of the whole node.
 * </ul>
 */
public final class NodeThread implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(NodeThread.class);
    /** How long {@link #call} waits for the node thread. */
    static final long CALL_TIMEOUT_SECS = 120;

    /** A scheduled task that can be stopped; a throw inside it never stops it. */
    public interface Timer {
        /** No further runs; a run under way finishes. */
        void cancel();
    }

    private final ScheduledThreadPoolExecutor executor;
    private final Thread thread;
    private final Consumer<String> onFailure;
    /** Set on the node thread when storage fails; read by every task before it runs. */
    private volatile boolean failed;

    private volatile String failedBecause = "";

    private NodeThread(String name, Consumer<String> onFailure) {
        this.onFailure = onFailure;
        Thread[] made = new Thread[1];
        // One core thread, made here: every task is guarded, so it never dies and is never replaced.
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(LogNode.inherit(r), name);
            t.setDaemon(true);
            made[0] = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.prestartCoreThread();
        this.thread = Objects.requireNonNull(made[0]);
    }

    /**
     * Starts a node thread called {@code name}; {@code onFailure} is told, once and on the node
     * thread, why storage failed. It must not wait for the node thread.
     */
    public static NodeThread start(String name, Consumer<String> onFailure) {
        return new NodeThread(name, Objects.requireNonNull(onFailure));
    }

    /** The thread itself, for owner checks. */
    public Thread thread() {
        return thread;
    }

    /** An owner check bound to this thread from the start. */
    public ThreadOwner owner() {
        return ThreadOwner.of(thread);
    }

    /**
     * Returns on the node thread.
     *
     * @throws IllegalStateException on any other thread
     */
    public void checkOnNodeThread() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException(
                    "called on thread " + Thread.currentThread().getName() + ", not on the node thread");
        }
    }

    /** Whether storage failed: nothing more runs here but the node's close. */
    public boolean failed() {
        return failed;
    }

    /** Runs {@code task} on the node thread, in order, under the failure policy. */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task);
        executor.execute(() -> guarded(task, "task"));
    }

    /**
     * Runs {@code task} on the node thread and waits for it ({@link #CALL_TIMEOUT_SECS} at most).
     * Its exceptions reach the caller unchanged (the caller reports them, once: a JSON-RPC client gets
     * an error reply); a storage failure stops the node and reaches the caller as an IOException.
     *
     * @throws IOException if the node has stopped, the task failed on storage, or the thread did not answer
     */
    public <T> T call(Callable<T> task) throws IOException {
        Objects.requireNonNull(task);
        return await(submit(() -> {
            if (failed) {
                throw new IOException(stopped());
            }
            try {
                return task.call();
            } catch (StorageFailure e) {
                fail(e);
                throw new IOException(stopped(), e);
            } catch (Error e) {
                fatal(e);
                throw e;
            }
        }));
    }

    /**
     * Like {@link #call} but runs even after a storage failure: only for the node's own close, which
     * must still stop the dialler and release its files.
     */
    public <T> T callWhileStopping(Callable<T> task) throws IOException {
        return await(submit(task));
    }

    private <T> Future<T> submit(Callable<T> task) throws IOException {
        try {
            return executor.submit(task);
        } catch (RejectedExecutionException e) {
            throw new IOException(failed ? stopped() : "the node thread has stopped", e);
        }
    }

    private <T> T await(Future<T> f) throws IOException {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a node-thread task cannot wait for the node thread");
        }
        try {
            return f.get(CALL_TIMEOUT_SECS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IOException("the node thread did not answer in " + CALL_TIMEOUT_SECS + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    /** Runs {@code task} once after {@code delayMillis}, under the failure policy. */
    public Timer schedule(Runnable task, long delayMillis) {
        Objects.requireNonNull(task);
        ScheduledFuture<?> f = executor.schedule(() -> guarded(task, "timer"), delayMillis, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    /**
     * Runs {@code task} every {@code periodMillis} after each run ends, the first after
     * {@code initialMillis}. A run that throws is logged with its stack and the schedule goes on: the
     * executor never sees the throw, so it never cancels the timer silently.
     */
    public Timer scheduleWithFixedDelay(Runnable task, long initialMillis, long periodMillis) {
        Objects.requireNonNull(task);
        Runnable once = new Runnable() {
            private boolean threwBefore;

            @Override
            public void run() {
                try {
                    task.run();
                } catch (StorageFailure e) {
                    throw e;
                } catch (RuntimeException e) {
                    // The stack once; a timer that keeps throwing then costs one line a run, not a page.
                    if (threwBefore) {
                        LOG.error("a periodic task on the node thread failed again: {}", e.toString());
                    } else {
                        threwBefore = true;
                        LOG.error("unexpected failure in a periodic task on the node thread; it keeps its schedule", e);
                    }
                }
            }
        };
        ScheduledFuture<?> f = executor.scheduleWithFixedDelay(
                () -> guarded(once, "periodic task"), initialMillis, periodMillis, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    /** Stops accepting tasks, lets queued ones run (a failed thread skips them) and waits a while. */
    public void shutdown(long waitMillis) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("the node thread still runs {} ms after shutdown", waitMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void guarded(Runnable task, String what) {
        if (failed) {
            return; // storage failed: nothing queued after it may run, so nothing is announced after it
        }
        try {
            task.run();
        } catch (StorageFailure e) {
            fail(e);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure in a {} on the node thread; the node goes on", what, e);
        } catch (Error e) {
            fatal(e);
        }
    }

    private void fail(StorageFailure e) {
        if (failed) {
            return;
        }
        LOG.error("storage failed, stopping the node: {}", e.getMessage(), e);
        enterFailed(e.getMessage());
    }

    private void fatal(Error e) {
        if (failed) {
            return;
        }
        LOG.error("the node thread failed, stopping the node", e);
        enterFailed("the node thread failed: " + e);
    }

    private void enterFailed(String why) {
        failedBecause = why;
        failed = true;
        onFailure.accept(why);
    }

    private String stopped() {
        return "the node has stopped: " + failedBecause;
    }
}
