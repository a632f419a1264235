package org.pettycoin.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pettycoin.mining.MinerRig.OTHER;
import static org.pettycoin.mining.MinerRig.REWARD;
import static org.pettycoin.testing.Await.await;
import static org.pettycoin.testing.TestNodes.bestId;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.testing.TestNodes;

/**
 * A miner wired into a real node as the node will wire it (its node thread, its chain state, its
 * announce), with a second node over 127.0.0.1: our blocks reach the peer, which checks them in
 * full; a branch the peer gets from elsewhere moves the miner onto it.
 */
@Timeout(60)
class MinerOnNodesTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void blocksGoToPeersAndAPeersHeavierBranchMovesTheMiner() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS);
                Node a = nodes.start("a");
                Node b = nodes.start("b", TestNodes.address(a));
                Miner miner = Miner.start(
                        new Miner.Host(
                                a.nodeThread(), a.input(), blk -> a.network().announce(blk)),
                        Miner.Config.of(REWARD, 1, nodes.clock()::unixSeconds)
                                .withRestAfterBlock(Duration.ofMillis(500)))) {
            assertThat(await(
                            WAIT,
                            () -> miner.stats().blocksMined() >= 3 && bestId(b).equals(bestId(a))))
                    .as("our blocks reached the peer")
                    .isTrue();
            Hash256 ours = bestId(a);
            assertThat(b.call(() -> {
                        BlockNode there = b.state().tree().find(ours).orElseThrow();
                        return there.allKnown()
                                && !there.invalid()
                                && there.block().header().feesTo().equals(REWARD);
                    }))
                    .isTrue();

            // The peer gets a heavier branch from elsewhere, forking below our head, and relays it.
            Hash256 tip = b.call(() -> {
                ChainBuilder builder = ChainBuilder.on(b.input(), OTHER);
                BlockNode t = b.state().miningHead().parent().orElseThrow();
                for (int i = 0; i < 4; i++) {
                    t = builder.mine(t, t.block().tailer().timestamp() + 1);
                    b.network().announce(t);
                }
                return t.id();
            });
            assertThat(await(WAIT, () -> miner.miningOn().equals(Optional.of(tip))))
                    .isTrue();
            assertThat(await(
                            WAIT,
                            () -> a.call(() -> {
                                BlockNode head = a.state().miningHead();
                                return head.block().header().parent().equals(tip)
                                        && head.block().header().feesTo().equals(REWARD);
                            })))
                    .as("our next block is on the peer's branch")
                    .isTrue();
            assertThat(await(WAIT, () -> bestId(b).equals(bestId(a)))).isTrue();
            assertThat(miner.stats().refused()).isZero();
        }
    }

    /**
     * With a poll of an hour, only the node's events can move the miner: a heavier branch from the
     * peer moves it as soon as the node takes the branch, as the node command wires it.
     */
    @Test
    void theMinerFollowsAHeadMoveAsTheNodeMakesItNotAtItsNextPoll() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS);
                Node a = nodes.start("a");
                Node b = nodes.start("b", TestNodes.address(a));
                Miner miner = Miner.start(
                        new Miner.Host(
                                a.nodeThread(), a.input(), blk -> a.network().announce(blk)),
                        Miner.Config.of(REWARD, 1, nodes.clock()::unixSeconds)
                                .withPoll(Duration.ofHours(1))
                                .withRestAfterBlock(Duration.ofHours(1)))) {
            a.call(() -> {
                miner.followHeads(a.input());
                return null;
            });
            assertThat(await(WAIT, () -> a.call(() -> a.network().peerCount()) == 1))
                    .isTrue();
            Hash256 tip = b.call(() -> {
                ChainBuilder builder = ChainBuilder.on(b.input(), OTHER);
                BlockNode t = b.state().tree().genesis();
                for (int i = 0; i < 4; i++) {
                    t = builder.mine(t, t.block().tailer().timestamp() + 1);
                    b.network().announce(t);
                }
                return t.id();
            });
            // On b's tip, or on a block of ours the miner already found on it (it rests only after a block
            // of its own, so if none came before the branch did, it mines on the branch at once).
            assertThat(await(WAIT, () -> {
                        Optional<Hash256> on = miner.miningOn();
                        return on.isPresent() && onOrAbove(a, on.get(), tip);
                    }))
                    .isTrue();
        }
    }

    /** Whether {@code block} is {@code tip} or a descendant of it, on {@code n}. */
    private static boolean onOrAbove(Node n, Hash256 block, Hash256 tip) throws IOException {
        return n.call(() -> {
            Optional<BlockNode> b = n.state().tree().find(block);
            Optional<BlockNode> t = n.state().tree().find(tip);
            return b.isPresent() && t.isPresent() && t.get().precedes(b.get());
        });
    }

    @Test
    void generateStopsTheNodeWhenItsBlockfileFailsAndAnnouncesNothing() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS);
                Node a = nodes.start("a");
                Node peer = nodes.start("peer", TestNodes.address(a))) {
            assertThat(await(WAIT, () -> peer.call(() -> peer.network().peerCount()) == 1))
                    .isTrue();
            a.call(() -> {
                a.breakBlockfile();
                return null;
            });
            Miner.Host host =
                    new Miner.Host(a.nodeThread(), a.input(), blk -> a.network().announce(blk));
            assertThatThrownBy(() -> Miner.generate(host, REWARD, nodes.clock()::unixSeconds, 3))
                    .as("generate is told")
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot append to");
            assertThat(a.failure().get(WAIT.toSeconds(), TimeUnit.SECONDS)).contains("blockfile");
            assertNothingReached(peer);
        }
    }

    @Test
    void aRunningMinersBlockStopsTheNodeWhenItsBlockfileFailsAndIsNotAnnounced() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS);
                Node a = nodes.start("a");
                Node peer = nodes.start("peer", TestNodes.address(a))) {
            assertThat(await(WAIT, () -> peer.call(() -> peer.network().peerCount()) == 1))
                    .isTrue();
            a.call(() -> {
                a.breakBlockfile();
                return null;
            });
            try (Miner miner = Miner.start(
                    new Miner.Host(a.nodeThread(), a.input(), blk -> a.network().announce(blk)),
                    Miner.Config.of(REWARD, 1, nodes.clock()::unixSeconds))) {
                assertThat(a.failure().get(WAIT.toSeconds(), TimeUnit.SECONDS)).contains("cannot append to");
                assertThat(miner.stats().blocksMined()).isZero();
            }
            assertNothingReached(peer);
        }
    }

    /** Once the failed node has closed (the peer lost it), the peer holds no block but genesis. */
    private static void assertNothingReached(Node peer) throws Exception {
        assertThat(await(WAIT, () -> peer.call(() -> peer.network().peerCount()) == 0))
                .isTrue();
        assertThat(peer.call(() -> peer.state().tree().size())).isEqualTo(1);
    }
}
