package org.pettycoin.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node's log: one line per event on stderr, at the C node's level names (log.h). */
final class Logging {
    private Logging() {}

    /** {@code --log-level}: io, debug, info, unusual, broken (C's names), mapped to logback's. */
    static Level level(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "io" -> Level.TRACE;
            case "debug" -> Level.DEBUG;
            case "info" -> Level.INFO;
            case "unusual" -> Level.WARN;
            case "broken" -> Level.ERROR;
            default ->
                throw new UserError("--log-level must be io, debug, info, unusual or broken, not '" + name + "'");
        };
    }

    /** Sets the level and puts {@code prefix} before every line (C's {@code --log-prefix}). */
    static void configure(Level level, String prefix) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        // Netty's own chatter stays at info or above whatever we ask for.
        ctx.getLogger("io.netty").setLevel(level.isGreaterOrEqual(Level.INFO) ? level : Level.INFO);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern(prefix.replace("%", "%%") + "%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg%n");
        encoder.start();
        ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(ctx);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
    }
}
