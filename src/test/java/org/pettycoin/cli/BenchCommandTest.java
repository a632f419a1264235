package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pettycoin.testing.CliRunner;

class BenchCommandTest {
    @Test
    void chainBenchPrintsItsFigures() {
        CliRunner.Result r = CliRunner.run("bench", "chain", "--blocks", "60");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("header checks + attach", "blocks/s", "peak heap");
        // the start-up replay is timed in a JVM of its own, as a starting node's is, and again in this one
        assertThat(r.out()).containsPattern("blockfile replay, fresh JVM \\(\\d+ KiB\\) +60 blocks");
        assertThat(r.out()).containsPattern("blockfile replay, same JVM after headers +60 blocks");
        assertThat(CliRunner.run("bench", "chain", "--blocks", "0").exitCode()).isEqualTo(1);
    }
}
