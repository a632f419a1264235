package org.pettycoin.time;

/** The machine's clock: {@link System#currentTimeMillis} and {@link System#nanoTime}. */
public enum SystemClock implements NodeClock {
    INSTANCE;

    @Override
    public long unixMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }
}
