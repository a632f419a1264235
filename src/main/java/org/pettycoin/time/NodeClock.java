package org.pettycoin.time;

/**
 * Where a node reads the time. Implementations are safe to read from any thread (the node thread,
 * Netty's I/O threads, miner threads).
 */
public interface NodeClock {
    long MILLIS_PER_SECOND = 1000;
    long NANOS_PER_MILLI = 1_000_000;

    /**
     * Wall-clock time in milliseconds since the Unix epoch: the time block timestamps are made from
     * and checked against, and the horizon is measured to. It may jump (it is set, or the system's
     * clock is), so never measure an interval with it.
     */
    long unixMillis();

    /** {@link #unixMillis} in whole seconds, as block timestamps and the peer cache count. */
    default long unixSeconds() {
        return Math.floorDiv(unixMillis(), MILLIS_PER_SECOND);
    }

    /**
     * A reading in nanoseconds from an arbitrary origin that only ever moves forward, for intervals
     * (timeouts, idle timers, ages): setting the wall time leaves it alone.
     */
    long monotonicNanos();

    /** {@link #monotonicNanos} in whole milliseconds (same arbitrary origin). */
    default long monotonicMillis() {
        return Math.floorDiv(monotonicNanos(), NANOS_PER_MILLI);
    }
}
