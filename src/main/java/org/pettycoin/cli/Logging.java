package org.pettycoin.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * The subsystems {@code --log-level} names and the loggers each covers (btcd's
     * {@code --debuglevel} being the model).
     */
    static final Map<String, List<String>> SUBSYSTEMS = subsystems();

    /** What {@code --help} says about {@code --log-level}. */
    static final String HELP = "io, debug, info, unusual or broken (C's names), or per subsystem: "
            + "[LEVEL,]SUBSYSTEM=LEVEL,... e.g. info,sync=debug; subsystems: "
            + "net sync chain store transport io mining rpc daemon";

    private static Map<String, List<String>> subsystems() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("net", List.of("org.pettycoin.net"));
        m.put("sync", List.of("org.pettycoin.net.BlockSync", "org.pettycoin.net.RequestScheduler"));
        m.put("chain", List.of("org.pettycoin.chain", "org.pettycoin.chainstate", "org.pettycoin.consensus"));
        m.put("store", List.of("org.pettycoin.store"));
        m.put("transport", List.of("org.pettycoin.transport"));
        m.put("io", List.of(org.pettycoin.transport.PacketLog.LOGGER_NAME));
        m.put("mining", List.of("org.pettycoin.mining"));
        m.put("rpc", List.of("org.pettycoin.rpc"));
        m.put("daemon", List.of("org.pettycoin.daemon", "org.pettycoin.cli"));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static List<String> subsystemNames() {
        return List.copyOf(SUBSYSTEMS.keySet());
    }

    /** A parsed {@code --log-level}: the default level and each named logger's. */
    record Levels(Level root, Map<String, Level> loggers) {
        Levels {
            loggers = Map.copyOf(loggers);
        }

        static Levels of(Level root) {
            return new Levels(root, Map.of());
        }
    }

    /** {@code LEVEL}, or {@code [LEVEL,]SUBSYSTEM=LEVEL,...}; unnamed subsystems take the default (info). */
    static Levels parse(String spec) {
        Level root = Level.INFO;
        Map<String, Level> loggers = new LinkedHashMap<>();
        boolean bare = false;
        for (String part : spec.split(",", -1)) {
            String item = part.strip();
            int eq = item.indexOf('=');
            if (eq < 0) {
                if (bare) {
                    throw UserError.usage("--log-level has more than one default level in '" + spec + "'");
                }
                bare = true;
                root = level(item);
                continue;
            }
            String name = item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            List<String> covered = SUBSYSTEMS.get(name);
            if (covered == null) {
                throw UserError.usage("--log-level: unknown subsystem '" + name + "'; the subsystems are "
                        + String.join(" ", subsystemNames()));
            }
            Level l = level(item.substring(eq + 1).strip());
            for (String logger : covered) {
                loggers.put(logger, l);
            }
        }
        return new Levels(root, loggers);
    }

    /** As below, without a node name in each line. */
    static void configure(Levels levels, String prefix) {
        configure(levels, prefix, false);
    }

    /**
     * Sets the levels and puts {@code prefix} before every line (C's {@code --log-prefix});
     * {@code perNode} adds the node's name (a devnet's node1, node2, ...) to each line.
     */
    static void configure(Levels levels, String prefix, boolean perNode) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        Level level = levels.root();
        for (ch.qos.logback.classic.Logger l : ctx.getLoggerList()) {
            if (l != root && l.getName().startsWith("org.pettycoin")) {
                l.setLevel(null);
            }
        }
        root.setLevel(level);
        levels.loggers().forEach((name, l) -> ctx.getLogger(name).setLevel(l));
        // Netty's own chatter stays at info or above whatever we ask for.
        ctx.getLogger("io.netty").setLevel(level.isGreaterOrEqual(Level.INFO) ? level : Level.INFO);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern(prefix.replace("%", "%%")
                + "%d{HH:mm:ss.SSS} %-5level "
                + (perNode ? "%X{" + org.pettycoin.chainstate.LogNode.MDC_KEY + "} " : "")
                + "%logger{0}: %msg%n");
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
