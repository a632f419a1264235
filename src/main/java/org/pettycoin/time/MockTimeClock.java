package org.pettycoin.time;

import java.util.Objects;
import java.util.Optional;

/**
 * A clock whose wall time can be set (regtest's {@code --mocktime} and {@code setmocktime}): once
 * set to a Unix time it reads that time and runs on from there as fast as the real clock, so a node
 * replaying a chain from an old date behaves as it did then; set to 0 it follows the real clock
 * again, as bitcoind's {@code setmocktime 0} does. The monotonic reading is always the real
 * clock's, so timers and timeouts are untouched by setting the time. Safe for any thread: a setting
 * is one immutable value, replaced whole.
 */
public final class MockTimeClock implements NodeClock {
    /** The largest time that can be set: block timestamps are u32 (Unix seconds). */
    public static final long MAX_SECONDS = 0xffffffffL;

    /** Wall time {@code unixMillis} at the real clock's monotonic reading {@code atNanos}. */
    private record Setting(long unixSeconds, long unixMillis, long atNanos) {}

    private final NodeClock real;
    private volatile Optional<Setting> setting = Optional.empty();

    /** Follows {@code real} until {@link #set}. */
    public MockTimeClock(NodeClock real) {
        this.real = Objects.requireNonNull(real, "real");
    }

    /** Follows the system clock until {@link #set}. */
    public static MockTimeClock system() {
        return new MockTimeClock(SystemClock.INSTANCE);
    }

    /** Starts at {@code unixSeconds} and advances with the system clock; 0 means the system's time. */
    public static MockTimeClock startingAt(long unixSeconds) {
        MockTimeClock c = system();
        c.set(unixSeconds);
        return c;
    }

    /**
     * From now on the wall time is {@code unixSeconds}, advancing with real time; 0 returns to the
     * real clock's time.
     *
     * @throws IllegalArgumentException outside 0..{@link #MAX_SECONDS}
     */
    public void set(long unixSeconds) {
        if (unixSeconds < 0 || unixSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException("mock time must be 0.." + MAX_SECONDS + ", not " + unixSeconds);
        }
        setting = unixSeconds == 0
                ? Optional.empty()
                : Optional.of(new Setting(unixSeconds, unixSeconds * MILLIS_PER_SECOND, real.monotonicNanos()));
    }

    /** The time last {@link #set} (where it started, not where it is now), or 0 when on the real clock. */
    public long mockTime() {
        return setting.map(Setting::unixSeconds).orElse(0L);
    }

    @Override
    public long unixMillis() {
        Optional<Setting> s = setting;
        if (s.isEmpty()) {
            return real.unixMillis();
        }
        return s.get().unixMillis()
                + Math.floorDiv(real.monotonicNanos() - s.get().atNanos(), NANOS_PER_MILLI);
    }

    @Override
    public long monotonicNanos() {
        return real.monotonicNanos();
    }
}
