package org.pettycoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Interests;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.daemon.Node;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Tx;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.RpcTestNode;
import org.pettycoin.testing.TestKeys;
import org.pettycoin.testing.TestNodes;
import org.pettycoin.testing.TestTxs;

/**
 * A wallet on a partial node (shards 0 and 1): it sees what its address got, including a payment
 * from a shard the node does not hold (fetched because a TXMAP marked it), and the node refuses
 * what it cannot do: mine, or take a tx of another shard into its pool.
 */
@Timeout(90)
class PartialNodeRpcTest {
    private static final PrivateKey MINE = TestKeys.inShard(0, 2, 20);
    private static final PrivateKey ELSEWHERE = TestKeys.inShard(2, 2, 20);
    private static final PrivateKey OTHER = TestKeys.inShard(3, 2, 20);

    @TempDir
    Path dir;

    @Test
    void aWalletSeesAPaymentFromAShardTheNodeDoesNotHold() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS)) {
            Node full = nodes.start("full");
            Tx fundMine = TestTxs.fund(MINE, 50);
            Tx fundElsewhere = TestTxs.fund(ELSEWHERE, 1000);
            Tx fundOther = TestTxs.fund(OTHER, 10);
            Tx crossShard = TestTxs.pay(ELSEWHERE, MINE, 300, 700, TestTxs.out(fundElsewhere, 0));
            Hash256 tip = full.call(() -> {
                ChainBuilder b = ChainBuilder.on(full.input(), TestNodes.MINER);
                BlockNode g = full.state().miningHead();
                BlockNode b1 = b.mine(
                        g, g.block().tailer().timestamp() + 1, b.allWithRefs(g, fundMine, fundElsewhere, fundOther));
                BlockNode b2 = b.mine(b1, b1.block().tailer().timestamp() + 1, b.allWithRefs(b1, crossShard));
                return b2.id();
            });
            try (RpcTestNode wallet =
                    RpcTestNode.start(o -> o.withShards(Interests.of(0, 1)), TestNodes.address(full))) {
                Node n = wallet.node;
                // Known once its shards are full and the rest all hashes; what a TXMAP marks may come after.
                assertThat(Await.await(
                                Duration.ofSeconds(30),
                                () -> TestNodes.bestId(n).equals(tip)
                                        && n.call(() -> n.network().outstandingRequests()) == 0))
                        .isTrue();
                // The pay-in came by TXMAP: shard 2 is not held, yet that one tx of it is.
                assertThat(n.call(() -> {
                            BlockNode b2 = n.state().tree().find(tip).orElseThrow();
                            return n.state().txAt(b2, 2, 0).isPresent()
                                    && !n.state()
                                            .shardAllKnown(
                                                    n.state()
                                                            .tree()
                                                            .find(b2.block()
                                                                    .header()
                                                                    .parent())
                                                            .orElseThrow(),
                                                    3);
                        }))
                        .isTrue();
                JsonNode listed = wallet.result("listtransactions", TestKeys.text(MINE));
                List<String> txids = new ArrayList<>();
                listed.forEach(t -> txids.add(t.get("txid").asText()));
                assertThat(txids).containsExactlyInAnyOrder(TestTxs.id(fundMine), TestTxs.id(crossShard));

                assertThat(wallet.result("getinfo").get("shards").toString()).isEqualTo("[0,1]");
                assertThat(wallet.error("generate", 1)).contains("holds shards 0,1 only and cannot mine");
                Tx spendElsewhere = TestTxs.pay(ELSEWHERE, OTHER, 100, 600, TestTxs.out(crossShard, 1));
                assertThat(wallet.error("sendrawtransaction", TestTxs.hex(spendElsewhere)))
                        .contains("holds shards 0,1 only; the tx is of shard 2");
                // A tx of a shard it holds goes in as on any node.
                Tx spendMine = TestTxs.pay(MINE, OTHER, 20, 30, TestTxs.out(fundMine, 0));
                assertThat(wallet.result("sendrawtransaction", TestTxs.hex(spendMine))
                                .get("tx")
                                .asText())
                        .isEqualTo(TestTxs.id(spendMine));
            }
        }
    }
}
