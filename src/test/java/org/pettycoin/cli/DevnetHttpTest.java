package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.testing.CliRunner;
import org.pettycoin.testing.ShortTempDir;

/** {@code pettycoin devnet --http-port-base N}: node K serves HTTP on N+K-1, and lets it go at the end. */
class DevnetHttpTest {
    @Test
    @Timeout(60)
    void eachNodeServesMetricsOnItsPortAndReleasesIt() throws Exception {
        int base = freePort();
        try (ShortTempDir temp = ShortTempDir.create("dh")) {
            CliRunner.Result r = CliRunner.run(
                    "devnet",
                    "--nodes",
                    "1",
                    "--dir",
                    temp.path().toString(),
                    "--block-pause",
                    "0",
                    "--until-height",
                    "2",
                    "--timeout",
                    "40",
                    "--http-port-base",
                    Integer.toString(base));
            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            assertThat(r.out())
                    .contains("node1  dashboard at http://127.0.0.1:" + base + "/ ")
                    .contains("metrics at http://127.0.0.1:" + base + "/metrics");
        }
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), base)); // closed with the devnet
        }
    }

    @Test
    void aBaseThatRunsPastTheLastPortIsRefused() {
        CliRunner.Result r = CliRunner.run("devnet", "--nodes", "2", "--http-port-base", "65535");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--http-port-base");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }
}
