package org.pettycoin.rpc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;

/**
 * The levels a log appender shows, per logger name and its children, once the loggers themselves
 * are lowered to io so that the in-memory log hears everything ({@link LogRing#install}).
 */
final class ConsoleLevels extends Filter<ILoggingEvent> {
    private final Level root;
    private final Map<String, Level> levels;

    ConsoleLevels(Level root, Map<String, Level> levels) {
        this.root = root;
        this.levels = Map.copyOf(levels);
    }

    /** The level set for {@code logger} or its nearest named parent. */
    Level threshold(String logger) {
        String name = logger;
        while (true) {
            Level l = levels.get(name);
            if (l != null) {
                return l;
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                return root;
            }
            name = name.substring(0, dot);
        }
    }

    @Override
    public FilterReply decide(ILoggingEvent e) {
        return e.getLevel().isGreaterOrEqual(threshold(e.getLoggerName())) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
