package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestNodes.address;
import static org.pettycoin.testing.TestNodes.bestId;
import static org.pettycoin.testing.TestNodes.mine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Tx;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestKeys;
import org.pettycoin.testing.TestNodes;
import org.pettycoin.testing.TestTxs;

/** A line of three nodes, a - b - c: blocks and txs cross the middle node both ways. */
@Timeout(120)
class ThreeNodesTest {
    @TempDir
    Path dir;

    @Test
    void blocksAndTransactionsReachANodeTwoHopsAway() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, Network.REGTEST.genesisTimestamp() + 3600)) {
            Node a = nodes.start("a");
            mine(a, 30);
            Node b = nodes.start("b", address(a));
            Node c = nodes.start("c", address(b));
            Hash256 start = bestId(a);
            assertThat(Await.await(
                            Duration.ofSeconds(30),
                            () -> bestId(c).equals(start)
                                    && c.call(() -> c.network().syncingPeers()) == 0
                                    && b.call(() -> b.network().syncingPeers()) == 0))
                    .isTrue();

            Tx deposit = TestTxs.SIGNING.fromGateway(
                    TestKeys.key(7), List.of(new GatewayPayment(1234, TestNodes.MINER)), false);
            Hash256 txid = TxHashes.txid(deposit);
            assertThat(TestNodes.submit(c, deposit)).isEqualTo(PendingPool.Status.READY);
            assertThat(Await.await(
                            Duration.ofSeconds(10),
                            () -> a.call(() -> a.state().pending().contains(txid))))
                    .as("relayed c -> b -> a")
                    .isTrue();

            BlockNode withTx = mine(a, 1);
            assertThat(Await.await(Duration.ofSeconds(10), () -> bestId(c).equals(withTx.id())))
                    .as("the block's contents came from c's own pool, so c can mine on it")
                    .isTrue();
            assertThat(c.call(() ->
                            c.state().findInChain(c.state().miningHead(), txid).map(t -> t.full())))
                    .contains(true);
            assertThat(c.call(() -> c.state().pending().contains(txid))).isFalse();
        }
    }
}
