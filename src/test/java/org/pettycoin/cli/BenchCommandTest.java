package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pettycoin.testing.CliRunner;

class BenchCommandTest {
    @Test
    void chainBenchPrintsItsFigures() {
        CliRunner.Result r = CliRunner.run("bench", "chain", "--blocks", "60");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("header checks + attach", "blockfile replay", "blocks/s", "peak heap");
        assertThat(CliRunner.run("bench", "chain", "--blocks", "0").exitCode()).isEqualTo(1);
    }
}
