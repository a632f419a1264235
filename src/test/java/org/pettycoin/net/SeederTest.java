package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.Network;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.PeersPacket;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestNodes;

/**
 * Nodes with an empty peer cache and no --connect, seeding as C's seed_peers does, from a seed
 * server on 127.0.0.1 reached by the name {@code localhost}.
 */
@Timeout(60)
class SeederTest {
    @TempDir
    Path dir;

    private static byte[] peersPacket(NetAddress... a) {
        return PacketCodec.encode(new PeersPacket(List.of(a)));
    }

    private static Seeder.Config seed(SeedServer s, boolean noPeersOk) {
        return new Seeder.Config(List.of(new DnsSeed("localhost", s.port())), noPeersOk);
    }

    private static int deadPort() throws IOException {
        try (SeedServer gone = new SeedServer(new byte[0])) {
            return gone.port();
        }
    }

    @Test
    void theSeedsAddressesAreDialled() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, Network.REGTEST.genesisTimestamp() + 3600)) {
            Node a = nodes.start("a");
            NetAddress there = NetAddresses.of(TestNodes.address(a), a.uuid(), 0);
            try (SeedServer seed = new SeedServer(peersPacket(there));
                    Node b = Node.start(nodes.options("b"), seed(seed, false))) {
                assertThat(Await.await(
                                Duration.ofSeconds(20),
                                () -> b.call(() -> b.network().peerCount()) == 1))
                        .isTrue();
                assertThat(Await.await(
                                Duration.ofSeconds(20),
                                () -> a.call(() -> a.network().peerCount()) == 1))
                        .isTrue();
                assertThat(b.failure()).isNotDone();
            }
        }
    }

    @Test
    void aNodeThatFindsNoPeerGivesUpAfterThreeAttempts() throws Exception {
        NetAddress dead = NetAddresses.of(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), deadPort()), HostileClient.randomUuid(), 0);
        try (TestNodes nodes = new TestNodes(dir, Network.REGTEST.genesisTimestamp() + 3600);
                SeedServer seed = new SeedServer(peersPacket(dead))) {
            Node b = Node.start(nodes.options("b"), seed(seed, false));
            try {
                assertThat(b.failure().get(30, java.util.concurrent.TimeUnit.SECONDS))
                        .isEqualTo(Seeder.NO_PEERS);
                assertThat(seed.asked()).isEqualTo(Seeder.ATTEMPTS);
            } finally {
                b.close();
            }
        }
    }

    @Test
    void withNoPeersOkItStaysUpAndKeepsAsking() throws Exception {
        NetAddress dead = NetAddresses.of(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), deadPort()), HostileClient.randomUuid(), 0);
        try (TestNodes nodes = new TestNodes(dir, Network.REGTEST.genesisTimestamp() + 3600);
                SeedServer seed = new SeedServer(peersPacket(dead));
                Node b = Node.start(nodes.options("b"), seed(seed, true))) {
            assertThat(Await.await(Duration.ofSeconds(40), () -> seed.asked() > Seeder.ATTEMPTS))
                    .isTrue();
            assertThat(b.failure()).isNotDone();
        }
    }

    @Test
    void withNoSeedANodeWithoutPeersGivesUpAtOnceOrStaysUp() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, Network.REGTEST.genesisTimestamp() + 3600)) {
            Node alone = Node.start(nodes.options("alone"), new Seeder.Config(List.of(), false));
            try {
                assertThat(alone.failure().get(10, java.util.concurrent.TimeUnit.SECONDS))
                        .isEqualTo(Seeder.NO_PEERS);
            } finally {
                alone.close();
            }
            try (Node lonely = Node.start(nodes.options("lonely"), new Seeder.Config(List.of(), true))) {
                // A peer that turns up is served.
                Node other = nodes.start("other", TestNodes.address(lonely));
                assertThat(Await.await(
                                Duration.ofSeconds(20),
                                () -> lonely.call(() -> lonely.network().peerCount()) == 1))
                        .isTrue();
                assertThat(lonely.failure()).isNotDone();
                nodes.stop(other);
            }
        }
    }

    @Test
    void waitsBetweenAttemptsDoubleFromOneSecondToAMinute() {
        assertThat(Seeder.waitBefore(0)).isZero();
        assertThat(Seeder.waitBefore(1)).isEqualTo(1000);
        assertThat(Seeder.waitBefore(2)).isEqualTo(2000);
        assertThat(Seeder.waitBefore(3)).isEqualTo(4000);
        assertThat(Seeder.waitBefore(100)).isEqualTo(Seeder.MAX_WAIT_MILLIS);
    }
}
