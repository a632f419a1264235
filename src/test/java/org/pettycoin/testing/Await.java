package org.pettycoin.testing;

import java.time.Duration;
import java.util.Optional;

/**
 * The one bounded polling wait of the tests: a condition is checked every {@link #POLL} until it
 * holds or the limit passes, and once more at the end, so a slow machine only makes a test slower,
 * never wrong. Tests wait for what real threads and sockets do instead of sleeping a guessed time.
 */
public final class Await {
    /** Short enough that a test waits little past the moment, long enough not to load the node. */
    public static final Duration POLL = Duration.ofMillis(10);

    /** A condition polled by {@link #await}; it may throw (a node call failing counts as a failure). */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    /** A value polled by {@link #value}: empty until it is there. */
    @FunctionalInterface
    public interface Probe<T> {
        Optional<T> get() throws Exception;
    }

    private Await() {}

    /** Waits until {@code done} holds; false if it still does not after {@code limit}. */
    public static boolean await(Duration limit, Check done) throws Exception {
        return value(limit, () -> done.holds() ? Optional.of(true) : Optional.empty())
                .isPresent();
    }

    /**
     * Waits until {@code done} holds, and fails saying {@code what} did not happen within
     * {@code limit} if it never does.
     */
    public static void until(String what, Duration limit, Check done) throws Exception {
        if (!await(limit, done)) {
            throw new AssertionError(what + ": not within " + limit);
        }
    }

    /** Polls {@code probe} until it gives a value; empty if it gave none within {@code limit}. */
    public static <T> Optional<T> value(Duration limit, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v;
            }
            Thread.sleep(POLL.toMillis());
        }
        return probe.get();
    }
}
