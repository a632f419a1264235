package org.pettycoin.time;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress of one long piece of work (the start-up replay, an initial sync), told at most once per
 * interval, as bitcoind's {@code progress=} lines are: how far, how fast, and how long is left at
 * that pace. The rate is over the whole run so far, which steadies it. Not thread-safe: one owner.
 */
public final class Progress {
    /** How often a line is told at most, unless a caller says otherwise. */
    public static final long EVERY_NANOS = 5_000_000_000L;

    private final String what;
    private final String unit;
    private final LongSupplier nanos;
    private final long everyNanos;
    private final Consumer<String> out;
    private final long startNanos;
    private long lastToldNanos;

    /**
     * @param what what is being done, the start of every line (e.g. "blockfile replay")
     * @param unit what the rate counts (e.g. "blocks")
     * @param nanos a monotonic reading ({@link NodeClock#monotonicNanos})
     * @param out where a line goes (a log)
     */
    public Progress(String what, String unit, LongSupplier nanos, long everyNanos, Consumer<String> out) {
        this.what = what;
        this.unit = unit;
        this.nanos = nanos;
        this.everyNanos = everyNanos;
        this.out = out;
        this.startNanos = nanos.getAsLong();
        this.lastToldNanos = startNanos;
    }

    /**
     * Tells a line if the interval has passed: {@code count} {@link #unit}s done so far, at
     * {@code height}, and {@code fraction} (0..1) of the whole done, if known (negative if not).
     *
     * @return whether a line was told
     */
    public boolean at(long count, long height, double fraction) {
        long now = nanos.getAsLong();
        if (now - lastToldNanos < everyNanos) {
            return false;
        }
        lastToldNanos = now;
        out.accept(line(count, height, fraction, now));
        return true;
    }

    /**
     * How far and how fast: {@code count} units done since the start, at {@code height}, in
     * {@code seconds}, at {@code perSecond}; {@code fraction} of the whole (0..1) and the seconds
     * left at that pace, when the whole is known.
     */
    public record Figures(
            long count,
            long height,
            double seconds,
            double perSecond,
            OptionalDouble fraction,
            OptionalDouble etaSeconds) {}

    /** The figures as of now for {@code count} done at {@code height}, {@code fraction} of the whole (negative: unknown). */
    public Figures figures(long count, long height, double fraction) {
        return figures(count, height, fraction, nanos.getAsLong());
    }

    private Figures figures(long count, long height, double fraction, long now) {
        double secs = Math.max(1e-9, (now - startNanos) / 1e9);
        OptionalDouble done = fraction >= 0 ? OptionalDouble.of(Math.min(1, fraction)) : OptionalDouble.empty();
        OptionalDouble eta = done.isPresent() && done.getAsDouble() > 0
                ? OptionalDouble.of(secs * (1 - done.getAsDouble()) / done.getAsDouble())
                : OptionalDouble.empty();
        return new Figures(count, height, secs, count / secs, done, eta);
    }

    /** The line for {@code count} done at {@code height}, {@code fraction} of the whole, as of {@code now}. */
    String line(long count, long height, double fraction, long now) {
        Figures f = figures(count, height, fraction, now);
        StringBuilder b = new StringBuilder()
                .append(what)
                .append(": height ")
                .append(height)
                .append(", ")
                .append(count)
                .append(' ')
                .append(unit)
                .append(String.format(Locale.ROOT, ", %.0f %s/s", f.perSecond(), unit));
        if (f.fraction().isPresent()) {
            b.append(String.format(Locale.ROOT, ", %.1f%%", f.fraction().getAsDouble() * 100));
            f.etaSeconds().ifPresent(eta -> b.append(String.format(Locale.ROOT, ", about %.0f s left", eta)));
        }
        return b.toString();
    }
}
