package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.pettycoin.testing.CliRunner;

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
}
