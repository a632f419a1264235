package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.Network;
import org.pettycoin.daemon.Node;
import org.pettycoin.net.Seeder;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.CliRunner;
import org.pettycoin.testing.NodeProcess;

/**
 * {@code pettycoin node} finding peers with an empty peer cache and no --connect: from a seed named
 * {@code localhost} (never an outside address), or not at all, as C's seed_peers does.
 */
@Timeout(90)
class SeedingTest {
    @TempDir
    Path dir;

    /** A regtest node in this process that stays up alone, on 127.0.0.1:{@code port} (0: any). */
    private Node peer(String name, int port) throws Exception {
        return Node.start(Node.Options.of(Network.REGTEST, dir.resolve(name), port, List.of())
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int peers(Node n) throws Exception {
        return n.call(() -> n.network().peerCount());
    }

    @Test
    void aSeedNamedLocalhostLeadsAnEmptyCacheToALocalNode() throws Exception {
        try (Node a = peer("a", 0);
                NodeProcess b = NodeProcess.start(
                        dir.resolve("b.log"),
                        "--network",
                        "regtest",
                        "--pettycoin-dir",
                        dir.resolve("b").toString(),
                        "--dns-seed",
                        "localhost:" + a.port())) {
            b.await("welcome from", Duration.ofSeconds(30));
            assertThat(b.output()).contains("seed localhost:" + a.port() + " gave 1 addresses");
            // b logs a's welcome as soon as it comes; a counts b once b's welcome reaches it.
            Await.await(Duration.ofSeconds(10), () -> peers(a) == 1);
            assertThat(peers(a)).isEqualTo(1);
            assertThat(b.stop(Duration.ofSeconds(20))).isTrue();
        }
    }

    @Test
    void withNoSeedAndNoPeerItExitsWithTheCMessage() throws Exception {
        try (NodeProcess n = NodeProcess.start(
                dir.resolve("n.log"),
                "--network",
                "regtest",
                "--pettycoin-dir",
                dir.resolve("n").toString(),
                "--dns-seed",
                "none")) {
            assertThat(n.exitWithin(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(n.output()).contains(Seeder.NO_PEERS);
        }
    }

    @Test
    void withSeedingItStaysUpAndConnectsOnceThePeerAppears() throws Exception {
        int port = freePort();
        try (NodeProcess n = NodeProcess.start(
                dir.resolve("n.log"),
                "--network",
                "regtest",
                "--pettycoin-dir",
                dir.resolve("n").toString(),
                "--seeding",
                "--dns-seed",
                "localhost:" + port)) {
            n.await("staying lonely", Duration.ofSeconds(30));
            assertThat(n.isAlive()).isTrue();
            try (Node late = peer("late", port)) {
                n.await("welcome from", Duration.ofSeconds(45));
                // The process logs the welcome before the late node has counted the connection.
                Await.await(Duration.ofSeconds(10), () -> peers(late) == 1);
                assertThat(peers(late)).isEqualTo(1);
            }
            assertThat(n.isAlive()).isTrue();
        }
    }

    @Test
    void badSeedsAreOneLineErrors() {
        CliRunner.Result r = CliRunner.run("node", "--pettycoin-dir", dir.toString(), "--dns-seed", "nowhere");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--dns-seed").contains("HOST:PORT");
        r = CliRunner.run("node", "--pettycoin-dir", dir.toString(), "--dns-seed", "none", "--dns-seed", "localhost:1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("'none'");
        r = CliRunner.run("node", "--pettycoin-dir", dir.toString(), "--max-peers", "0");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--max-peers");
    }
}
