package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestNodes.address;
import static org.pettycoin.testing.TestNodes.on;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.daemon.Node;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.ComplainClaimInputInvalidPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.RewardChain;
import org.pettycoin.testing.TestNodes;

/**
 * An upgraded node and one built without the rewards feature ({@code withKnownFeatures(0)}, standing in
 * for a C node), connected, on a chain where REWARDS is active from 4032: they agree on every block up
 * to there; a block holding a claim the new rule accepts is taken by the upgraded node and invalidated
 * by the old one with a claim complaint, as C does, and the two chains go their own ways.
 */
class RewardsForkTest {
    private static final long PREBUILT = RewardChain.ACTIVE_FROM - 1;

    @Test
    void aBlockWithAGoodClaimSplitsAnOldNodeFromAnUpgradedOne(@TempDir Path dir) throws Exception {
        long now = RewardChain.clockFor(PREBUILT + 10);
        ChainState built = new ChainState(Network.REGTEST, ChainState.Config.DEFAULT, () -> now, () -> now * 1000);
        RewardChain chain = RewardChain.build(built, PREBUILT);
        try (TestNodes nodes = new TestNodes(dir, now)) {
            for (String name : List.of("new", "old")) {
                Files.createDirectories(nodes.dataDir(name));
                chain.writeBlockfile(nodes.dataDir(name).resolve("blockfile"));
            }
            Node upgraded = nodes.start("new");
            Node old = nodes.start(
                    nodes.options("old", address(upgraded)).withChain(ChainState.Config.DEFAULT.withKnownFeatures(0)));
            Hash256 tip = chain.tip.id();
            assertThat(TestNodes.bestId(upgraded)).isEqualTo(tip);
            assertThat(TestNodes.bestId(old))
                    .as("the same chain up to activation")
                    .isEqualTo(tip);
            Await.until(
                    "connected",
                    Duration.ofSeconds(20),
                    () -> on(upgraded, () -> upgraded.network().peerCount()) == 1
                            && on(old, () -> old.network().peerCount()) == 1);

            assertThat(TestNodes.submit(old, chain.claim())).as("C's rule").isEqualTo(PendingPool.Status.REFUSED);
            assertThat(TestNodes.submit(upgraded, chain.claim())).isEqualTo(PendingPool.Status.READY);
            BlockNode withClaim = on(upgraded, () -> {
                BlockNode head = upgraded.state().miningHead();
                BlockNode b = ChainBuilder.on(upgraded.input(), TestNodes.MINER)
                        .mine(
                                head,
                                RewardChain.next(head),
                                ChainBuilder.pendingContents(upgraded.state().pending()));
                upgraded.network().announce(b);
                return b;
            });
            assertThat(withClaim.block().totalTxs()).isEqualTo(1);

            Await.until(
                    "the old node invalidates the claim's block",
                    Duration.ofSeconds(20),
                    () -> on(
                            old,
                            () -> old.state()
                                    .tree()
                                    .find(withClaim.id())
                                    .flatMap(b -> old.state().complaintOf(b))
                                    .isPresent()));
            assertThat(on(
                            old,
                            () -> old.state()
                                    .complaintOf(old.state()
                                            .tree()
                                            .find(withClaim.id())
                                            .orElseThrow())))
                    .get()
                    .isInstanceOf(ComplainClaimInputInvalidPacket.class);
            assertThat(TestNodes.bestId(old)).isEqualTo(tip);

            // Each mines on: the old node's chain forks away from the upgraded one's.
            BlockNode oldNext = TestNodes.mine(old, 1);
            BlockNode newNext = TestNodes.mine(upgraded, 1);
            assertThat(oldNext.parent().orElseThrow().id()).isEqualTo(tip);
            assertThat(newNext.parent().orElseThrow().id()).isEqualTo(withClaim.id());
            assertThat(on(upgraded, () -> upgraded.state().complaintOf(withClaim)))
                    .as("the upgraded node keeps the block whatever the old one says")
                    .isEmpty();
            assertThat(TestNodes.bestId(upgraded)).isEqualTo(newNext.id());
            assertThat(TestNodes.bestId(old)).isEqualTo(oldNext.id());
        }
    }
}
