package org.pettycoin.rpc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pettycoin.chainstate.LogNode;
import org.pettycoin.transport.PacketLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.helpers.MessageFormatter;

/**
 * One node's log kept in memory for {@code getlog} (C's log.c): every event of that node (its
 * threads' {@link LogNode} name; one unnamed ring for a JVM running one node), at every level down
 * to io whatever the console shows, up to 16 MiB. When full, the least severe entries go first
 * (what C's prune_log meant, whose code did the opposite: docs/c-differences.md #46), and each kept
 * entry counts the deleted ones before it. Frames logged at io ({@link PacketLog}) are kept apart,
 * within {@link #IO_MAX_BYTES}, oldest dropped first, so that traffic cannot push out everything
 * else; each keeps the frame's first bytes, not its text.
 */
public final class LogRing {
    /** C's log memory (state.c new_state): 16,777,216 bytes. */
    public static final long MAX_BYTES = 16L << 20;
    /** The io entries' own share. */
    public static final long IO_MAX_BYTES = 2L << 20;
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

    /**
     * One kept event; {@code skippedBefore} deleted ones came just before it; a frame logged at io
     * has its {@code frame}.
     */
    public record Entry(
            long nanosSinceCreation,
            LogLevel level,
            String source,
            String text,
            int skippedBefore,
            Optional<PacketLog.Frame> frame) {
        Entry(long nanosSinceCreation, LogLevel level, String source, String text, int skippedBefore) {
            this(nanosSinceCreation, level, source, text, skippedBefore, Optional.empty());
        }

        long cost() {
            return ENTRY_OVERHEAD_BYTES
                    + 2L * (source.length() + text.length())
                    + frame.map(f -> Math.min(f.length(), PacketLog.MAX_HEX_BYTES))
                            .orElse(0);
        }

        Entry skipping(int more) {
            return new Entry(nanosSinceCreation, level, source, text, skippedBefore + more, frame);
        }
    }

    /** What {@link #snapshot} returns: when the ring began, its size and limit, and its entries. */
    public record Snapshot(Instant created, long bytesUsed, long bytesMax, List<Entry> entries) {}

    private static final Router ROUTER = new Router();

    private final Instant created = Instant.now();
    private final long createdNanos = System.nanoTime();
    private final long maxBytes;
    private final long ioMaxBytes;
    // Pruning removes and rewrites entries in the middle while walking them: a list iterator's job.
    @SuppressWarnings("JdkObsolete")
    private final LinkedList<Entry> entries = new LinkedList<>();

    private final ArrayDeque<Entry> io = new ArrayDeque<>();

    private long bytes;
    private long ioBytes;
    private int ioSkipped;

    LogRing(long maxBytes) {
        this(maxBytes, 0);
    }

    /** {@code ioMaxBytes} of {@code maxBytes} are the io entries' share. */
    LogRing(long maxBytes, long ioMaxBytes) {
        this.maxBytes = maxBytes;
        this.ioMaxBytes = ioMaxBytes;
    }

    /**
     * The ring of the current thread's node ({@link LogNode#current}), attaching the router that
     * fills the rings to logback's root logger on first use (and again if the logging set-up has
     * since removed it). Attaching lowers the loggers to io so the rings hear everything, and
     * gives the other appenders a filter holding the levels the loggers had, so the console shows
     * what it showed before. Empty if logback is not the SLF4J binding.
     */
    public static synchronized Optional<LogRing> install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return Optional.empty();
        }
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        if (!ROUTER.isStarted()) {
            ROUTER.setContext(ctx);
            ROUTER.setName(APPENDER_NAME);
            ROUTER.start();
        }
        if (root.getAppender(APPENDER_NAME) != ROUTER) {
            lowerLevels(ctx, root);
            root.addAppender(ROUTER);
        }
        return Optional.of(ROUTER.ring(LogNode.current().orElse("")));
    }

    private static void lowerLevels(LoggerContext ctx, ch.qos.logback.classic.Logger root) {
        Map<String, Level> set = new HashMap<>();
        for (ch.qos.logback.classic.Logger l : ctx.getLoggerList()) {
            if (l != root && l.getLevel() != null && l.getName().startsWith("org.pettycoin")) {
                set.put(l.getName(), l.getLevel());
            }
        }
        Level rootLevel = root.getLevel();
        ConsoleLevels shown = new ConsoleLevels(rootLevel, set);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> a = it.next();
            if (a.getCopyOfAttachedFiltersList().stream().noneMatch(f -> f instanceof ConsoleLevels)) {
                a.addFilter(shown);
            }
        }
        ch.qos.logback.classic.Logger io = ctx.getLogger(PacketLog.LOGGER_NAME);
        if (shown.threshold(PacketLog.LOGGER_NAME).isGreaterOrEqual(Level.DEBUG)) {
            // No appender shows frames as lines: they go straight to the rings, with no logging event.
            io.setLevel(Level.DEBUG);
            set.remove(PacketLog.LOGGER_NAME);
            PacketLog.divert(Optional.of(LogRing::frame));
        }
        ch.qos.logback.classic.Logger netty = ctx.getLogger("io.netty");
        if (netty.getLevel() == null) {
            // Netty's own chatter stays where it was: it is not ours to keep.
            netty.setLevel(rootLevel.isGreaterOrEqual(Level.INFO) ? rootLevel : Level.INFO);
        }
        for (String name : set.keySet()) {
            ctx.getLogger(name).setLevel(null);
        }
        root.setLevel(Level.TRACE);
    }

    /** A frame no line was written for, into the ring of the node whose thread saw it. */
    private static void frame(PacketLog.Frame f) {
        String node = Optional.ofNullable(MDC.get(LogNode.MDC_KEY)).orElse("");
        ROUTER.ring(node).addIo(PacketLog.LOGGER_NAME, f.describe(), f);
    }

    /** Sends each event to its node's ring. */
    private static final class Router extends AppenderBase<ILoggingEvent> {
        private final Map<String, LogRing> rings = new ConcurrentHashMap<>();

        LogRing ring(String node) {
            return rings.computeIfAbsent(node, n -> new LogRing(MAX_BYTES, IO_MAX_BYTES));
        }

        @Override
        protected void append(ILoggingEvent e) {
            String node = e.getMDCPropertyMap().getOrDefault(LogNode.MDC_KEY, "");
            ring(node).append(e);
        }
    }

    void append(ILoggingEvent e) {
        Object[] args = e.getArgumentArray();
        if (args != null && args.length > 0 && args[args.length - 1] instanceof PacketLog.Frame f) {
            // The text without the hex: the frame's bytes are kept instead, printed only if asked for.
            Object[] head = Arrays.copyOf(args, args.length);
            head[head.length - 1] = "";
            String text =
                    MessageFormatter.basicArrayFormat(e.getMessage(), head).strip();
            addIo(e.getLoggerName(), text, f);
        } else {
            add(LogLevel.of(e.getLevel()), e.getLoggerName(), e.getFormattedMessage());
        }
    }

    synchronized void addIo(String source, String text, PacketLog.Frame frame) {
        Entry entry =
                new Entry(System.nanoTime() - createdNanos, LogLevel.IO, source, text, ioSkipped, Optional.of(frame));
        ioSkipped = 0;
        io.addLast(entry);
        ioBytes += entry.cost();
        while (ioBytes > ioMaxBytes && io.size() > 1) {
            Entry gone = io.removeFirst();
            ioBytes -= gone.cost();
            Entry next = io.removeFirst();
            io.addFirst(next.skipping(1 + gone.skippedBefore()));
        }
    }

    synchronized void add(LogLevel level, String source, String text) {
        Entry entry = new Entry(System.nanoTime() - createdNanos, level, source, text, 0);
        entries.add(entry);
        bytes += entry.cost();
        if (bytes > maxBytes - ioMaxBytes) {
            prune();
        }
    }

    /** Deletes whole levels, least severe first, never the newest entry, until under the target. */
    private void prune() {
        long target = (long) ((maxBytes - ioMaxBytes) * PRUNE_TO);
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
                    it.set(e.skipping(skipped));
                    skipped = 0;
                }
            }
        }
    }

    /**
     * The last {@code n} entries at {@code least} or more severe (never io frames), oldest first: a
     * log tail without copying the whole ring.
     */
    public synchronized List<Entry> tail(int n, LogLevel least) {
        ArrayDeque<Entry> out = new ArrayDeque<>(n);
        Iterator<Entry> it = entries.descendingIterator();
        while (out.size() < n && it.hasNext()) {
            Entry e = it.next();
            if (e.level().compareTo(least) >= 0 && e.frame().isEmpty()) {
                out.addFirst(e);
            }
        }
        return List.copyOf(out);
    }

    /** When the ring began: entries' times count from it. */
    public Instant created() {
        return created;
    }

    /** Both kinds of entry, in time order. */
    public synchronized Snapshot snapshot() {
        List<Entry> all = new ArrayList<>(entries.size() + io.size());
        Iterator<Entry> a = entries.iterator();
        Iterator<Entry> b = io.iterator();
        Entry x = a.hasNext() ? a.next() : null;
        Entry y = b.hasNext() ? b.next() : null;
        while (x != null || y != null) {
            if (y == null || (x != null && x.nanosSinceCreation() <= y.nanosSinceCreation())) {
                all.add(x);
                x = a.hasNext() ? a.next() : null;
            } else {
                all.add(y);
                y = b.hasNext() ? b.next() : null;
            }
        }
        return new Snapshot(created, bytes + ioBytes, maxBytes, all);
    }

    /** {@code s.nnnnnnnnn}, as C prints times. */
    static String time(long seconds, long nanos) {
        return String.format("%d.%09d", seconds, nanos);
    }

    static String sinceCreation(long nanos) {
        return time(nanos / NANOS_PER_SECOND, nanos % NANOS_PER_SECOND);
    }
}
