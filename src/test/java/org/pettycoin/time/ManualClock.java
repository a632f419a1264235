package org.pettycoin.time;

import java.time.Duration;

/**
 * A clock for tests: time moves only when the test moves it. {@link #advance} moves both readings
 * (time passing); {@link #setUnixSeconds} moves only the wall time (the clock being set). Safe for
 * any thread.
 */
public final class ManualClock implements NodeClock {
    /** Wall time in nanoseconds since the epoch, so that advances below a millisecond add up. */
    private long unixNanos;

    private long nanos;

    /** Wall time {@code unixSeconds}; the monotonic reading starts at 0. */
    public ManualClock(long unixSeconds) {
        setUnixSeconds(unixSeconds);
    }

    /** Time passes: both readings move on by {@code d} (not negative). */
    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time does not run backwards: " + d);
        }
        unixNanos += d.toNanos();
        nanos += d.toNanos();
    }

    /** The wall clock is set, as an operator or NTP would; the monotonic reading stays. */
    public synchronized void setUnixSeconds(long unixSeconds) {
        unixNanos = Math.multiplyExact(unixSeconds, MILLIS_PER_SECOND * NANOS_PER_MILLI);
    }

    @Override
    public synchronized long unixMillis() {
        return Math.floorDiv(unixNanos, NANOS_PER_MILLI);
    }

    @Override
    public synchronized long monotonicNanos() {
        return nanos;
    }
}
