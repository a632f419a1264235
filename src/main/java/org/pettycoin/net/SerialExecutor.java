package org.pettycoin.net;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on another executor: one connection's events stay
 * in order whatever executor the caller gave, and one task per turn keeps connections fair when that
 * executor is the single node thread. A task that throws is logged and does not stop those after it.
 */
final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor target;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;

    SerialExecutor(Executor target) {
        this.target = target;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        submit();
    }

    private void runNext() {
        Runnable task;
        synchronized (this) {
            task = tasks.remove();
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("connection listener failed", e);
        }
        synchronized (this) {
            if (tasks.isEmpty()) {
                scheduled = false;
                return;
            }
        }
        submit();
    }

    private void submit() {
        try {
            target.execute(this::runNext);
        } catch (RejectedExecutionException e) {
            int dropped;
            synchronized (this) {
                dropped = tasks.size();
                tasks.clear();
                scheduled = false;
            }
            LOG.warn("event executor refused {} connection events; dropped", dropped);
        }
    }
}
