package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestNodes.address;
import static org.pettycoin.testing.TestNodes.bestId;
import static org.pettycoin.testing.TestNodes.mine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.DetachedBlockPool;
import org.pettycoin.daemon.Node;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.ErrPacket;
import org.pettycoin.protocol.GetBlockPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Packet;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestNodes;
import org.pettycoin.transport.TransportConfig;

/**
 * Hostile peers against a node that is syncing from an honest one: each is cut off (or kept within
 * bounds) and the node still reaches the honest node's tip.
 */
@Timeout(120)
class HostilePeersTest {
    private static final long BASE = Network.REGTEST.genesisTimestamp() + 3600;
    private static final int DETACHED_CAP = 100;

    @TempDir
    Path dir;

    private TestNodes nodes;
    private Node honest;

    @BeforeEach
    void honestNode() throws Exception {
        nodes = new TestNodes(dir, BASE);
        honest = nodes.start("honest");
        mine(honest, 200);
    }

    @org.junit.jupiter.api.AfterEach
    void stop() {
        nodes.close();
    }

    /** A victim with short timeouts and a small detached pool, dialling the honest node. */
    private Node victim() throws Exception {
        Node.Options o = nodes.options("victim", address(honest))
                .withTransport(TransportConfig.defaults()
                        .withInputTimeout(Duration.ofSeconds(3))
                        .withMaxQueuedBytes(4 << 20))
                .withRequests(new RequestScheduler.Config(32, 4, 512, 1_000, 200_000, 500, 3))
                .withChain(new ChainState.Config(
                        new DetachedBlockPool.Limits(DETACHED_CAP, 1 << 20, 60_000),
                        ChainState.Config.DEFAULT.policy(),
                        ChainState.Config.DEFAULT.txChecks()))
                .withSyncStall(5_000);
        return nodes.start(o);
    }

    private void stillSyncs(Node victim) throws Exception {
        Hash256 tip = bestId(honest);
        assertThat(Await.await(Duration.ofSeconds(60), () -> bestId(victim).equals(tip)))
                .isTrue();
        BlockNode next = mine(honest, 1);
        assertThat(Await.await(Duration.ofSeconds(10), () -> bestId(victim).equals(next.id())))
                .isTrue();
    }

    /** A private regtest chain nobody else has: valid proof of work, parents unknown to the victim. */
    private static List<Block> privateChain(int length) {
        BlockTree tree = new BlockTree(Network.REGTEST);
        ChainBuilder b = new ChainBuilder(tree, Address.fromHex("66".repeat(20)));
        b.extend(tree.genesis(), length);
        return b.built();
    }

    @Test
    void garbageBytesAreCutOff() throws Exception {
        Node victim = victim();
        try (HostileClient bad = new HostileClient(address(victim))) {
            bad.sendBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(bad.closedWithin(10_000)).isTrue();
        }
        stillSyncs(victim);
    }

    @Test
    void aLyingLengthIsCutOff() throws Exception {
        Node victim = victim();
        try (HostileClient bad = new HostileClient(address(victim))) {
            bad.sendBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 2, 0, 0, 0});
            assertThat(bad.closedWithin(10_000)).isTrue();
        }
        stillSyncs(victim);
    }

    @Test
    void anUnknownPacketTypeGetsAnErrorAndIsCutOff() throws Exception {
        Node victim = victim();
        try (HostileClient bad = new HostileClient(address(victim))) {
            bad.welcome(Optional.empty());
            bad.sendBytes(new byte[] {8, 0, 0, 0, 99, 0, 0, 0});
            Optional<Packet> reply;
            do {
                reply = bad.read(5000);
            } while (reply.isPresent() && !(reply.get() instanceof ErrPacket));
            assertThat(reply).containsInstanceOf(ErrPacket.class);
            assertThat(bad.closedWithin(10_000)).isTrue();
        }
        stillSyncs(victim);
    }

    @Test
    void aFloodOfBlocksWithUnknownParentsStaysWithinTheCaps() throws Exception {
        Node victim = victim();
        List<Block> flood = privateChain(400);
        try (HostileClient bad = new HostileClient(address(victim))) {
            bad.welcome(Optional.empty());
            // Withhold the first block: none of the rest can attach.
            for (Block b : flood.subList(1, flood.size())) {
                bad.send(new BlockPacket(b));
            }
            assertThat(Await.await(
                            Duration.ofSeconds(10),
                            () -> victim.call(() -> victim.state().detached().size()) >= DETACHED_CAP / 2))
                    .isTrue();
            assertThat(victim.call(() -> victim.state().detached().size())).isLessThanOrEqualTo(DETACHED_CAP);
            assertThat(victim.call(() -> victim.state().detached().bytes())).isLessThanOrEqualTo(1 << 20);
            stillSyncs(victim);
        }
    }

    @Test
    void aPeerThatNeverAnswersLosesItsRequestsToTheHonestOneAndIsDropped() throws Exception {
        Node victim = victim();
        List<Block> elsewhere = privateChain(50);
        try (HostileClient silent = new HostileClient(address(victim))) {
            // Claims a best block the victim lacks, then never answers a request for its ancestors.
            silent.welcome(Optional.of(elsewhere.get(elsewhere.size() - 1)));
            stillSyncs(victim);
            assertThat(silent.closedWithin(30_000))
                    .as("dropped once its sync stalls")
                    .isTrue();
        }
    }

    @Test
    void aPeerThatNeverReadsIsCutOff() throws Exception {
        Node victim = victim();
        stillSyncs(victim);
        Hash256 someBlock = bestId(victim);
        try (HostileClient greedy = new HostileClient(address(victim))) {
            greedy.welcome(Optional.empty());
            byte[] ask = org.pettycoin.protocol.PacketCodec.encode(new GetBlockPacket(someBlock));
            byte[] many = new byte[ask.length * 1000];
            for (int i = 0; i < 1000; i++) {
                System.arraycopy(ask, 0, many, i * ask.length, ask.length);
            }
            boolean cut = false;
            for (int i = 0; i < 100 && !cut; i++) {
                try {
                    greedy.sendBytes(many);
                } catch (java.io.IOException e) {
                    cut = true;
                }
            }
            assertThat(cut || greedy.closedWithin(15_000)).isTrue();
        }
        stillSyncs(victim);
    }
}
