package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
