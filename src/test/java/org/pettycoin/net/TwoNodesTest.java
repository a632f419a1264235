package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestNodes.address;
import static org.pettycoin.testing.TestNodes.bestId;
import static org.pettycoin.testing.TestNodes.mine;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Hash256;
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
