package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pettycoin.testing.TestNodes.address;
import static org.pettycoin.testing.TestNodes.bestId;
import static org.pettycoin.testing.TestNodes.mine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.chainstate.BlockFlags;
import org.pettycoin.chainstate.Origin;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.consensus.TxShards;
import org.pettycoin.consensus.TxSigning;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.daemon.Node;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.TxWithProof;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestNodes;

/**
 * A node whose blockfile fails, path by path (the failure policy, docs/architecture.md): the first
 * record it cannot write stops it, nothing after that is announced, and {@link Node#failure} says why.
 * The disk is made to fail by closing the blockfile's channel underneath the journal.
 */
@Timeout(120)
class StorageFailureTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aPeersBlocksAreNotRelayedOnceTheBlockfileFails() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, Network.REGTEST.genesisTimestamp() + 3600)) {
            // a and c dial only b (a node with --connect never finds others): c hears of a's blocks from b alone.
            Node b = nodes.start("b");
            Node a = nodes.start("a", address(b));
            Node c = nodes.start("c", address(b));
            assertThat(Await.await(WAIT, () -> welcomedAndSynced(a) && welcomedAndSynced(c)))
                    .isTrue();
            b.call(() -> {
                b.breakBlockfile();
                return null;
            });

            List<Hash256> mined = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                mined.add(mine(a, 1).id());
            }
            String why = b.failure().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(why).contains("cannot append to").contains("blockfile");
            // b closes itself: once c has lost it, nothing more can come from b.
            assertThat(Await.await(WAIT, () -> c.call(() -> c.network().peerCount()) == 0))
                    .isTrue();
            assertThat(c.call(() -> mined.stream()
                            .filter(id -> c.state().tree().contains(id))
                            .toList()))
                    .as("blocks b attached or relayed after its blockfile failed")
                    .isEmpty();
            assertThatThrownBy(() -> b.call(() -> 1)).isInstanceOf(IOException.class);
            assertThat(a.failure()).isNotDone();
            assertThat(c.failure()).isNotDone();
        }
    }

    @Test
    void aPeersTxInABlockStopsTheNodeWhenTheBlockfileFails() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, Network.REGTEST.genesisTimestamp() + 3600)) {
            Node a = nodes.start("a");
            Tx deposit = deposit();
            assertThat(TestNodes.submit(a, deposit)).isEqualTo(PendingPool.Status.READY);
            BlockNode mined = mine(a, 1);
            TxWithProof proven = a.call(() -> a.state()
                    .provenAt(
                            mined,
                            TxShards.shardOf(deposit, mined.block().header().shardOrder()),
                            0)
                    .orElseThrow());
            // b has the block (on its disk) but not its tx; the disk fails before a peer sends the tx.
            Node b = nodes.start("b");
            b.call(() -> {
                b.input().processBlock(ReceivedBlock.of(mined.block()), BlockFlags.PEER, Origin.LOCAL);
                b.syncBlockfile();
                b.breakBlockfile();
                return null;
            });
            try (HostileClient peer = new HostileClient(address(b))) {
                peer.welcome(Optional.of(mined.block()));
                peer.send(new TxInBlockPacket(proven));
                String why = b.failure().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(why).contains("cannot append to").contains("blockfile");
            }
        }
    }

    @Test
    void aFailedSyncOnTheTimerStopsTheNode() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, Network.REGTEST.genesisTimestamp() + 3600)) {
            Node b = nodes.start("b");
            // The record reaches the OS; the disk fails before the timer forces it to the device.
            b.call(() -> {
                ChainBuilder.on(b.input(), TestNodes.MINER)
                        .mine(
                                b.state().miningHead(),
                                b.state().miningHead().block().tailer().timestamp() + 1);
                b.breakBlockfile();
                return null;
            });
            String why = b.failure().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(why).contains("cannot sync").contains("blockfile");
        }
    }

    @Test
    void theNodeRestartsFromWhatReachedTheFileBeforeTheFailure() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, Network.REGTEST.genesisTimestamp() + 3600)) {
            Node a = nodes.start("a");
            BlockNode saved = mine(a, 3);
            nodes.stop(a); // a clean close syncs the three
            Node again = nodes.start("a");
            assertThat(bestId(again)).isEqualTo(saved.id());
            again.call(() -> {
                again.breakBlockfile();
                return null;
            });
            assertThatThrownBy(() -> mine(again, 1))
                    .as("the caller is told")
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot append to");
            assertThat(again.failure().get(WAIT.toSeconds(), TimeUnit.SECONDS)).contains("cannot append to");
            nodes.stop(again);
            Node third = nodes.start("a");
            assertThat(bestId(third))
                    .as("the blocks written before the failure, not the one after it")
                    .isEqualTo(saved.id());
        }
    }

    private static boolean welcomedAndSynced(Node n) throws IOException {
        return n.call(() -> n.network().peerCount() >= 1 && n.network().syncingPeers() == 0);
    }

    static Tx deposit() {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) 7);
        return new TxSigning().fromGateway(PrivateKey.of(k), List.of(new GatewayPayment(1234, TestNodes.MINER)), false);
    }
}
