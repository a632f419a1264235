package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's run command, bounded: three nodes reach a common tip above height 20 and stop. */
class DevnetCommandTest {
    @Test
    @Timeout(180)
    void threeNodesReachACommonTipAboveHeightTwentyAndStopCleanly() throws Exception {
        Path dir = Files.createTempDirectory("dv"); // short: unix socket paths are limited
        CliRunner.Result r = CliRunner.run("devnet", "--nodes", "3", "--dir", dir.toString(), "--block-pause", "1",
                "--until-height", "21", "--timeout", "150");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("every node has block").contains("devnet: stopped");
        assertThat(r.out()).containsPattern("node3 +height +\\d+ .* peers 2");
        for (String n : new String[] {"node1", "node2", "node3"}) {
            assertThat(dir.resolve(n).resolve("blockfile")).exists();
            assertThat(Files.size(dir.resolve(n).resolve("blockfile"))).isPositive();
            assertThat(dir.resolve(n).resolve("pettycoin-rpc")).doesNotExist();
        }
    }

    @Test
    void badSizesAreRefused() {
        CliRunner.Result r = CliRunner.run("devnet", "--nodes", "0");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--nodes");
    }
}
