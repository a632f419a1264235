package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.pettycoin.net.PeerNetwork;
import org.pettycoin.rpc.LogRing;
import org.pettycoin.testing.CliRunner;
import org.pettycoin.transport.PacketLog;
import org.slf4j.LoggerFactory;

/** {@code --log-level}: one of C's level names, or a list per subsystem with an optional default. */
class LogLevelsTest {
    @Test
    void aBareLevelSetsTheDefault() {
        assertThat(Logging.parse("io")).isEqualTo(Logging.Levels.of(Level.TRACE));
        assertThat(Logging.parse("unusual").root()).isEqualTo(Level.WARN);
    }

    @Test
    void aListSetsEachSubsystemsLoggersAndDefaultsToInfo() {
        Logging.Levels l = Logging.parse("sync=debug,net=unusual,io=io");
        assertThat(l.root()).isEqualTo(Level.INFO);
        assertThat(l.loggers())
                .containsEntry("org.pettycoin.net.BlockSync", Level.DEBUG)
                .containsEntry("org.pettycoin.net.RequestScheduler", Level.DEBUG)
                .containsEntry("org.pettycoin.net", Level.WARN)
                .containsEntry("org.pettycoin.io", Level.TRACE);
        assertThat(Logging.parse("broken, sync=debug").root()).isEqualTo(Level.ERROR);
    }

    @Test
    void anUnknownSubsystemOrLevelIsRefused() {
        assertThatThrownBy(() -> Logging.parse("wallet=debug")).hasMessageContaining("unknown subsystem 'wallet'");
        assertThatThrownBy(() -> Logging.parse("sync=loud")).hasMessageContaining("not 'loud'");
        assertThatThrownBy(() -> Logging.parse("info,debug")).hasMessageContaining("more than one default");
    }

    @Test
    void onTheCommandLineABadListIsAOneLineUsageError() {
        CliRunner.Result r = CliRunner.run("node", "--log-level", "info,wallet=debug");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1).allMatch(s -> s.contains("unknown subsystem 'wallet'"));
    }

    @Test
    void syncAtDebugShowsBlockSyncsDebugLinesWhileNetsStayAtInfo() {
        Logging.configure(Logging.parse("info,sync=debug"), "");
        // Without the in-memory log, the loggers themselves are at those levels: io builds nothing.
        assertThat(LoggerFactory.getLogger("org.pettycoin.net.BlockSync").isDebugEnabled())
                .isTrue();
        assertThat(LoggerFactory.getLogger(PeerNetwork.class).isDebugEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger(PacketLog.LOGGER_NAME).isTraceEnabled())
                .isFalse();

        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> shown = new ListAppender<>();
        shown.start();
        root.addAppender(shown);
        try {
            // With it, the loggers hear everything and the appenders still show only those levels.
            LogRing ring = LogRing.install().orElseThrow();
            LoggerFactory.getLogger("org.pettycoin.net.BlockSync").debug("sync detail");
            LoggerFactory.getLogger(PeerNetwork.class).debug("net detail");
            LoggerFactory.getLogger(PeerNetwork.class).info("net news");
            assertThat(shown.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .contains("sync detail", "net news")
                    .doesNotContain("net detail");
            assertThat(ring.snapshot().entries())
                    .extracting(LogRing.Entry::text)
                    .contains("sync detail", "net detail", "net news");
        } finally {
            root.detachAppender(shown);
        }
    }
}
