package org.pettycoin.transport;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * One connection's events waiting for their {@link PacketPrecheck}: each is released (handed to the
 * connection's serial executor) once its own work is done and every event read before it has been
 * released, so the work of many packets runs at once while their delivery keeps the order they were
 * read in. Called from the I/O thread and from whichever thread finishes the work.
 */
final class InOrder {
    private record Waiting(CompletableFuture<?> ready, Runnable release) {}

    private final Queue<Waiting> waiting = new ArrayDeque<>();

    /** Releases {@code release} after {@code ready} completes and after everything added before. */
    void add(CompletableFuture<?> ready, Runnable release) {
        synchronized (this) {
            waiting.add(new Waiting(ready, release));
            drain();
        }
        if (!ready.isDone()) {
            // The work's outcome does not matter, only that it is over: nothing to observe on the returned stage.
            var unused = ready.whenComplete((r, e) -> drainNow());
        }
    }

    /** Events added and not yet released. */
    synchronized int size() {
        return waiting.size();
    }

    private synchronized void drainNow() {
        drain();
    }

    // Runs the releases under the lock: they only queue on the serial executor, which never calls back.
    private void drain() {
        while (!waiting.isEmpty() && waiting.peek().ready().isDone()) {
            waiting.remove().release().run();
        }
    }
}
