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

    @Test
    void shardsBenchSyncsAFullAndThreePartialNodesAndThePartialOnesTakeLess() {
        CliRunner.Result r = CliRunner.run("bench", "shards", "--blocks", "12", "--txs-per-block", "24");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        long[] received = new long[4];
        long[] stored = new long[4];
        String[] rows = {"full node", "3 of 4 shards 0,1,2", "2 of 4 shards 0,1", "1 of 4 shards 0"};
        for (int i = 0; i < rows.length; i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(rows[i])
                            + " +received +(\\d+) bytes .* blockfile +(\\d+) bytes .* heap +[\\d.]+ MiB")
                    .matcher(r.out());
            assertThat(m.find()).as(rows[i] + " in\n" + r.out()).isTrue();
            received[i] = Long.parseLong(m.group(1));
            stored[i] = Long.parseLong(m.group(2));
        }
        for (int i = 1; i < rows.length; i++) {
            assertThat(received[i])
                    .as(rows[i] + " receives less than " + rows[i - 1])
                    .isLessThan(received[i - 1]);
            assertThat(stored[i])
                    .as(rows[i] + " stores less than " + rows[i - 1])
                    .isLessThan(stored[i - 1]);
        }
        assertThat(CliRunner.run("bench", "shards", "--blocks", "0").exitCode()).isEqualTo(1);
    }

    @Test
    void memoryBenchPrintsTheHeapOfBothChainsAndWhatServingASyncLeft() {
        CliRunner.Result r =
                CliRunner.run("bench", "memory", "--blocks", "300", "--full-blocks", "6", "--txs-per-block", "20");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .containsPattern("JVM: max heap \\d+ MiB, ")
                .containsPattern("300 empty blocks +heap +-?[\\d.]+ MiB = +-?\\d+ bytes/block")
                .containsPattern(
                        "after serving a whole sync to a peer +heap +[+-][\\d.]+ MiB \\([\\d.]+ s to serve 300 blocks\\)")
                .containsPattern("6 full blocks of 20 txs +heap +-?[\\d.]+ MiB = +-?\\d+ bytes/block, +-?\\d+ bytes/tx")
                .contains("peak heap");
        assertThat(CliRunner.run("bench", "memory", "--blocks", "0").exitCode()).isEqualTo(1);
    }
}
