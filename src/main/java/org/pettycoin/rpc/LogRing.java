package org.pettycoin.rpc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's log kept in memory for {@code getlog} (C's log.c): every event that reaches the root
 * logger, up to 16 MiB. When full, the least severe entries go first (what C's prune_log meant,
 * whose code did the opposite: docs/c-differences.md #46), and each kept entry counts the deleted
 * ones before it. It holds only what logging lets through: events below the root level never
 * arrive, and it starts when first installed.
 */
public final class LogRing extends AppenderBase<ILoggingEvent> {
    /** C's log memory (state.c new_state): 16,777,216 bytes. */
    public static final long MAX_BYTES = 16L << 20;
    /** What an entry costs beyond its text: object, strings, list node. */
    static final int ENTRY_OVERHEAD_BYTES = 96;
    /** After pruning, use at most this share of the limit, so pruning is rare. */
    private static final double PRUNE_TO = 0.75;

    private static final String APPENDER_NAME = "pettycoin-getlog";
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** C's levels, least severe first ({@code enum log_level}). */
    public enum LogLevel {
        IO,
        DEBUG,
        INFO,
        UNUSUAL,
        BROKEN;

        static LogLevel of(Level level) {
            if (level.isGreaterOrEqual(Level.ERROR)) {
                return BROKEN;
            } else if (level.isGreaterOrEqual(Level.WARN)) {
                return UNUSUAL;
            } else if (level.isGreaterOrEqual(Level.INFO)) {
                return INFO;
            }
            return level.isGreaterOrEqual(Level.DEBUG) ? DEBUG : IO;
        }
    }

    /** One kept event; {@code skippedBefore} deleted ones came just before it. */
    public record Entry(long nanosSinceCreation, LogLevel level, String source, String text, int skippedBefore) {
        long cost() {
            return ENTRY_OVERHEAD_BYTES + 2L * (source.length() + text.length());
        }
    }

    /** What {@link #snapshot} returns: when the ring began, its size and limit, and its entries. */
    public record Snapshot(Instant created, long bytesUsed, long bytesMax, List<Entry> entries) {}

    private static LogRing installed;

    private final Instant created = Instant.now();
    private final long createdNanos = System.nanoTime();
    private final long maxBytes;
    // Pruning removes and rewrites entries in the middle while walking them: a list iterator's job.
    @SuppressWarnings("JdkObsolete")
    private final LinkedList<Entry> entries = new LinkedList<>();

    private long bytes;

    LogRing(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The ring attached to logback's root logger, attaching one on first use (and again if the
     * logging set-up has since removed it). Empty if logback is not the SLF4J binding.
     */
    public static synchronized Optional<LogRing> install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return Optional.empty();
        }
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        if (installed == null) {
            installed = new LogRing(MAX_BYTES);
            installed.setContext(ctx);
            installed.setName(APPENDER_NAME);
            installed.start();
        }
        if (root.getAppender(APPENDER_NAME) != installed) {
            root.addAppender(installed);
        }
        return Optional.of(installed);
    }

    @Override
    protected synchronized void append(ILoggingEvent e) {
        add(LogLevel.of(e.getLevel()), e.getLoggerName(), e.getFormattedMessage());
    }

    synchronized void add(LogLevel level, String source, String text) {
        Entry entry = new Entry(System.nanoTime() - createdNanos, level, source, text, 0);
        entries.add(entry);
        bytes += entry.cost();
        if (bytes > maxBytes) {
            prune();
        }
    }

    /** Deletes whole levels, least severe first, never the newest entry, until under the target. */
    private void prune() {
        long target = (long) (maxBytes * PRUNE_TO);
        for (LogLevel level : LogLevel.values()) {
            if (bytes <= target) {
                return;
            }
            int skipped = 0;
            for (ListIterator<Entry> it = entries.listIterator(); it.hasNext(); ) {
                Entry e = it.next();
                boolean newest = !it.hasNext();
                if (e.level() == level && !newest && bytes > target) {
                    it.remove();
                    bytes -= e.cost();
                    skipped += 1 + e.skippedBefore();
                } else if (skipped > 0) {
                    it.set(new Entry(
                            e.nanosSinceCreation(), e.level(), e.source(), e.text(), e.skippedBefore() + skipped));
                    skipped = 0;
                }
            }
        }
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(created, bytes, maxBytes, new ArrayList<>(entries));
    }

    /** {@code s.nnnnnnnnn}, as C prints times. */
    static String time(long seconds, long nanos) {
        return String.format("%d.%09d", seconds, nanos);
    }

    static String sinceCreation(long nanos) {
        return time(nanos / NANOS_PER_SECOND, nanos % NANOS_PER_SECOND);
    }
}
