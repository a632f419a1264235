package org.pettycoin.chain;

import java.util.Arrays;

/** {@code check_timestamp} (C's timestamp.c): after the median of recent blocks, and not too far ahead. */
public final class Timestamps {
    /** Blocks whose timestamps form the median. */
    public static final int MEDIAN_SPAN = 11;
    /** How far ahead of our clock a block may be: 2 hours. */
    public static final long MAX_FUTURE_SECS = 7200;

    private Timestamps() {}

    /**
     * The timestamp a child of {@code parent} must exceed: the median (upper median when even) of
     * the parent and up to 10 of its ancestors, genesis never counting; empty right after genesis.
     */
    public static java.util.OptionalLong medianBefore(BlockNode parent) {
        long[] times = new long[MEDIAN_SPAN];
        int n = 0;
        for (BlockNode b = parent; b != null && b.height() > 0 && n < MEDIAN_SPAN; b = b.parentOrNull()) {
            times[n++] = b.block().tailer().timestamp();
        }
        if (n == 0) {
            return java.util.OptionalLong.empty();
        }
        Arrays.sort(times, 0, n);
        return java.util.OptionalLong.of(times[n / 2]);
    }

    /** Whether a child of {@code parent} may carry {@code timestamp} when our clock reads {@code now}. */
    public static boolean acceptable(BlockNode parent, long timestamp, long now) {
        java.util.OptionalLong median = medianBefore(parent);
        if (median.isPresent() && timestamp <= median.getAsLong()) {
            return false;
        }
        return timestamp < now + MAX_FUTURE_SECS;
    }
}
