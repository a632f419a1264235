package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.testing.CliRunner;

/** {@code pettycoin bench sync} with tiny chains: every figure is printed, bad options are refused. */
class SyncBenchTest {
    @Test
    @Timeout(60)
    void printsBothMeasurementsOverLoopbackAndThroughTheProxy() {
        CliRunner.Result r = CliRunner.run(
                "bench",
                "sync",
                "--blocks",
                "50",
                "--common",
                "20",
                "--branch-a",
                "30",
                "--branch-b",
                "31",
                "--latency",
                "5",
                "--timeout",
                "30");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "initial sync from one peer, loopback",
                        "initial sync from one peer, 5 ms one-way",
                        "fork heal 20 + 30/31, loopback",
                        "fork heal 20 + 30/31, 5 ms one-way",
                        "blocks/s",
                        "all 82 blocks on both",
                        "peak heap")
                .doesNotContain("FAILED");
    }

    /**
     * Each node its own {@code pettycoin node} JVM: both figures are printed with the JVM options of
     * this JVM and of the children, and once the command returns none of its children is left.
     */
    @Test
    @Timeout(180)
    void withProcessesEachNodeIsItsOwnJvmAndNoneIsLeftBehind() {
        Set<Long> before = liveDescendants();
        CliRunner.Result r = CliRunner.run(
                "bench",
                "sync",
                "--processes",
                "--no-proxy",
                "--child-jvm-option=-Xmx128m",
                "--child-jvm-option=-XX:TieredStopAtLevel=1",
                "--blocks",
                "300",
                "--common",
                "10",
                "--branch-a",
                "20",
                "--branch-b",
                "21",
                "--timeout",
                "60");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "bench JVM options: [",
                        "node JVM options: [-Xmx128m, -XX:TieredStopAtLevel=1]",
                        "initial sync from one peer, loopback, processes",
                        "300 blocks in",
                        "blocks/s",
                        "fork heal 10 + 20/21, loopback, processes",
                        "all 52 blocks on both",
                        "peak heap (this JVM)")
                .doesNotContain("FAILED", "ms one-way");
        Set<Long> left = liveDescendants();
        left.removeAll(before);
        assertThat(left).as("child processes still running").isEmpty();
    }

    private static Set<Long> liveDescendants() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid)
                .collect(Collectors.toCollection(HashSet::new));
    }

    @Test
    void refusesSizesAndLatenciesOutOfRange() {
        for (String[] bad : new String[][] {
            {"--blocks", "0"},
            {"--common", "-1"},
            {"--branch-a", "0"},
            {"--branch-b", "0"},
            {"--latency", "-5"},
            {"--timeout", "0"}
        }) {
            CliRunner.Result r = CliRunner.run("bench", "sync", bad[0], bad[1]);
            assertThat(r.exitCode()).as(String.join(" ", bad)).isEqualTo(UserError.EXIT_CODE);
            assertThat(r.err()).contains(bad[0] + " must be").doesNotContain("Exception");
            assertThat(r.out()).isEmpty();
        }
    }
}
