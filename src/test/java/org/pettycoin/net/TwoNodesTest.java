package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestNodes.address;
import static org.pettycoin.testing.TestNodes.bestId;
import static org.pettycoin.testing.TestNodes.mine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestNodes;

/** Real nodes over real sockets on 127.0.0.1: connect, sync, relay, restart. */
@Timeout(120)
class TwoNodesTest {
    private static final long BASE = Network.REGTEST.genesisTimestamp() + 3600;

    @TempDir
    Path dir;

    @Test
    void aNewNodeSyncsFromEmptyAndFollowsNewBlocks() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, BASE)) {
            Node a = nodes.start("a");
            BlockNode tip = mine(a, 300);
            Node b = nodes.start("b", address(a));
            assertThat(Await.await(Duration.ofSeconds(60), () -> bestId(b).equals(tip.id())))
                    .isTrue();
            assertThat(Await.await(
                            Duration.ofSeconds(10),
                            () -> b.call(() -> b.network().syncingPeers() == 0
                                    && b.network().outstandingRequests() == 0)))
                    .isTrue();
            // A block mined now goes straight across.
            BlockNode next = mine(a, 1);
            assertThat(Await.await(Duration.ofSeconds(10), () -> bestId(b).equals(next.id())))
                    .isTrue();
            // And the other way.
            BlockNode fromB = mine(b, 2);
            assertThat(Await.await(Duration.ofSeconds(10), () -> bestId(a).equals(fromB.id())))
                    .isTrue();
        }
    }

    @Test
    void eachSideSeesThePeersImplementationRoundTripAndTheSameBytesTheOtherWayRound() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, BASE)) {
            Node a = nodes.start("a");
            BlockNode tip = mine(a, 30);
            Node b = nodes.start("b", address(a));
            Await.until("b synced", Duration.ofSeconds(30), () -> bestId(b).equals(tip.id()));
            // Each may have dialled the other: once the duplicate is gone and nothing more is on the
            // way, what A wrote to B is what B read from A, and back.
            Optional<PeerInfo[]> quiet = Await.value(Duration.ofSeconds(20), () -> {
                Optional<PeerInfo> toB = onlyPeer(a, b.uuid());
                Optional<PeerInfo> toA = onlyPeer(b, a.uuid());
                return toB.isPresent()
                                && toA.isPresent()
                                && toB.get().traffic().bytesOut()
                                        == toA.get().traffic().bytesIn()
                                && toB.get().traffic().bytesIn()
                                        == toA.get().traffic().bytesOut()
                        ? Optional.of(new PeerInfo[] {toB.get(), toA.get()})
                        : Optional.empty();
            });
            assertThat(quiet)
                    .as("one connection, the same bytes seen from both ends")
                    .isPresent();
            for (PeerInfo p : quiet.get()) {
                assertThat(p.javaNode()).isTrue();
                assertThat(p.moniker()).isEqualTo(Handshake.MONIKER);
                assertThat(p.traffic().bytesIn()).isPositive();
                assertThat(p.traffic().bytesOut()).isPositive();
            }
            // B asked A for its blocks: it has timed the answers (A, at the tip, never asked B anything).
            assertThat(quiet.get()[1].roundTripMillis()).isPresent();
            // 30 blocks went from A to B.
            assertThat(quiet.get()[0].traffic().bytesOut())
                    .isGreaterThan(quiet.get()[0].traffic().bytesIn());
        }
    }

    /** {@code n}'s one connection, welcomed, to the node {@code uuid}; empty while there is not exactly one. */
    private static Optional<PeerInfo> onlyPeer(Node n, NodeUuid uuid) throws Exception {
        List<PeerInfo> peers = n.call(() -> n.network().peerInfo());
        return peers.size() == 1 && peers.get(0).uuid().equals(Optional.of(uuid))
                ? Optional.of(peers.get(0))
                : Optional.empty();
    }

    @Test
    void aRestartedNodeReloadsItsBlockfileAndCatchesUp() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, BASE)) {
            Node a = nodes.start("a");
            mine(a, 50);
            Node b = nodes.start("b", address(a));
            Hash256 first = bestId(a);
            assertThat(Await.await(Duration.ofSeconds(30), () -> bestId(b).equals(first)))
                    .isTrue();
            nodes.stop(b);
            BlockNode later = mine(a, 40);
            Node b2 = nodes.start("b", address(a));
            assertThat(b2.call(() -> b2.state().tree().size()))
                    .as("reloaded from its blockfile")
                    .isGreaterThan(50);
            assertThat(Await.await(Duration.ofSeconds(30), () -> bestId(b2).equals(later.id())))
                    .isTrue();
        }
    }
}
