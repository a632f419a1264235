package org.pettycoin.transport;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.pettycoin.chainstate.NodeThread;
import org.pettycoin.chainstate.StorageFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's tasks one at a time, in submission order, on another executor: the events
 * stay in order whatever executor the caller gave, and one task per turn keeps connections fair when
 * that executor is the single node thread.
 *
 * <p>It is where the node thread's failure policy learns which connection a task belongs to: a task
 * that throws is logged once with its stack and {@code onBug} closes that connection, while the
 * others go on. A {@link StorageFailure} is not a connection's fault: it goes on to the executor
 * ({@link NodeThread}), which stops the node; nothing more runs here after it.
 */
final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor target;
    private final Object owner;
    private final Runnable onBug;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;

    /**
     * @param owner what the tasks belong to, for the log
     * @param onBug run (in the task's turn) after a task threw anything but a storage failure
     */
    SerialExecutor(Executor target, Object owner, Runnable onBug) {
        this.target = target;
        this.owner = owner;
        this.onBug = onBug;
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
        } catch (StorageFailure e) {
            throw e; // the node stops; this connection's queue stays scheduled and so runs no more
        } catch (RuntimeException e) {
            LOG.error("unexpected failure handling an event of {}; closing it", owner, e);
            onBug.run();
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
