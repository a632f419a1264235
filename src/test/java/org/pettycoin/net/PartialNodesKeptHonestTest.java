package org.pettycoin.net;

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
import org.pettycoin.chain.Network;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.chainstate.BlockFlags;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.Origin;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.daemon.Node;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.mining.MinedBlock;
import org.pettycoin.protocol.ComplainDoublespendPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.Tx;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.RpcTestNode;
import org.pettycoin.testing.TestKeys;
import org.pettycoin.testing.TestNodes;
import org.pettycoin.testing.TestTxs;

/**
 * Pettycoin's promise, on four nodes over real sockets: nodes that never see a shard are still kept
 * from a bad block in it, by a complaint from a node that does see it. An adversary mines a block
 * holding a double spend in shard 2 (a payment into shard 0 of an output already spent in shard 2)
 * and honest-looking blocks on top. P01 (shards 0 and 1, a wallet's node) and P3 (shard 3) take the
 * adversary's chain, since they cannot check shard 2's inputs. When F (every shard) fetches shard
 * 2, it proves the double spend; P01 and P3 check that complaint against block headers alone,
 * drop the bad block and every block on it, and follow the chain F mines.
 */
@Timeout(120)
class PartialNodesKeptHonestTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int ORDER = Protocol.INITIAL_SHARD_ORDER;
    private static final PrivateKey ALICE = TestKeys.inShard(2, ORDER, 0x41);
    private static final PrivateKey BOB = TestKeys.inShard(2, ORDER, 0x42);
    private static final PrivateKey WALLET = TestKeys.inShard(0, ORDER, 0x57);
    private static final PrivateKey ONE = TestKeys.inShard(1, ORDER, 0x61);
    private static final PrivateKey THREE = TestKeys.inShard(3, ORDER, 0x63);

    private static final Tx FUND_ALICE = TestTxs.fund(ALICE, 1000);
    private static final Tx FUND_WALLET = TestTxs.fund(WALLET, 5);
    /** Alice pays Bob: shard 2 only. */
    private static final Tx SPEND = TestTxs.pay(ALICE, BOB, 600, 400, TestTxs.out(FUND_ALICE, 0));
    /** Alice pays the wallet from the same output: the double spend, a payment into shard 0. */
    private static final Tx DOUBLE_SPEND = TestTxs.pay(ALICE, WALLET, 700, 300, TestTxs.out(FUND_ALICE, 0));

    @TempDir
    Path dir;

    @Test
    void nodesWithoutShardTwoDropABadBlockInItOnAComplaintAndFollowTheFullNode() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS)) {
            Node f = nodes.start("f");
            Node p3 = nodes.start(nodes.options("p3", TestNodes.address(f)).withShards(Interests.of(3)));
            try (RpcTestNode wallet = RpcTestNode.start(o -> o.withShards(Interests.of(0, 1)), TestNodes.address(f));
                    Adversary adversary = new Adversary(nodes)) {
                Node p01 = wallet.node;
                Await.until("P01 and P3 connected to F", WAIT, () -> peers(f) == 2);

                // The adversary's chain reaches the nodes that cannot check shard 2.
                adversary.peer.dial(TestNodes.address(p01));
                adversary.peer.dial(TestNodes.address(p3));
                for (Node n : List.of(p01, p3)) {
                    Await.until(
                            "on the adversary's tip",
                            WAIT,
                            () -> TestNodes.bestId(n).equals(adversary.b5.id()));
                }
                // Known once its shards are full and the rest all hashes; the pay-in a TXMAP marks may follow.
                Await.until(
                        "the wallet sees the pay-in",
                        WAIT,
                        () -> listed(wallet).containsAll(List.of(TestTxs.id(DOUBLE_SPEND), TestTxs.id(FUND_WALLET))));
                // Neither ever holds shard 2's own txs: P01 holds only the one paying into its shard.
                assertThat(heldInShard2(p01, adversary.b2)).isEmpty();
                assertThat(heldInShard2(p01, adversary.b3)).hasSize(1);
                for (BlockNode b : List.of(adversary.b1, adversary.b2, adversary.b3)) {
                    assertThat(heldInShard2(p3, b)).as("P3, " + b).isEmpty();
                }

                // F sees shard 2: it proves the double spend, and every node drops b3 and what is on it.
                adversary.peer.dial(TestNodes.address(f));
                for (Node n : List.of(f, p01, p3)) {
                    Await.until(
                            "b3..b5 invalid",
                            WAIT,
                            () -> invalid(n, adversary.b3) && invalid(n, adversary.b4) && invalid(n, adversary.b5));
                    assertThat(TestNodes.bestId(n)).isEqualTo(adversary.b2.id());
                }
                assertThat(listed(wallet)).doesNotContain(TestTxs.id(DOUBLE_SPEND));

                // F mines on: the partial nodes end on F's chain.
                BlockNode fTip = TestNodes.mine(f, 4);
                for (Node n : List.of(p01, p3)) {
                    Await.until("on F's tip", WAIT, () -> TestNodes.bestId(n).equals(fTip.id()));
                }
                JsonNode info = wallet.result("getinfo");
                assertThat(info.get("longest_knowns").get(0).get("sha").asText())
                        .isEqualTo(fTip.id().hex());
                assertThat(info.get("longest_knowns").get(0).get("height").asLong())
                        .isEqualTo(fTip.height())
                        .isGreaterThan(adversary.b5.height());
                assertThat(listed(wallet)).contains(TestTxs.id(FUND_WALLET)).doesNotContain(TestTxs.id(DOUBLE_SPEND));
                // F's complaint went to every peer, the one whose block it was included.
                assertThat(adversary.peer.received()).anyMatch(p -> p instanceof ComplainDoublespendPacket);
            }
        }
    }

    /** The adversary: its own chain state for the honest blocks, the chain builder for the broken ones. */
    private static final class Adversary implements AutoCloseable {
        final BlockNode b1;
        final BlockNode b2;
        final BlockNode b3;
        final BlockNode b4;
        final BlockNode b5;
        final AdversaryPeer peer;
        /** The blocks only the chain builder holds the contents of. */
        private final List<MinedBlock> broken = new ArrayList<>();

        Adversary(TestNodes nodes) {
            ChainState local = new ChainState(
                    Network.REGTEST, ChainState.Config.DEFAULT, nodes.clock()::unixSeconds, nodes.clock()::unixMillis);
            ChainBuilder builder = ChainBuilder.on(local, TestNodes.MINER);
            BlockNode g = local.tree().genesis();
            b1 = builder.mine(
                    g,
                    g.block().tailer().timestamp() + 1,
                    builder.allWithRefs(g, FUND_ALICE, FUND_WALLET, TestTxs.fund(ONE, 10), TestTxs.fund(THREE, 30)));
            b2 = builder.mine(
                    b1, b1.block().tailer().timestamp() + 1, builder.allWithRefs(b1, SPEND, TestTxs.fund(THREE, 31)));
            // Broken from here: only their headers go into the adversary's own state.
            b3 = broken(local, builder, b2, DOUBLE_SPEND, TestTxs.fund(ONE, 11), TestTxs.fund(THREE, 33));
            b4 = broken(local, builder, b3, TestTxs.fund(ONE, 12), TestTxs.fund(THREE, 34));
            b5 = broken(local, builder, b4, TestTxs.fund(THREE, 35));
            List<MinedBlock> all = new ArrayList<>(builder.builtWithContents());
            all.addAll(broken);
            peer = new AdversaryPeer(local.tree(), all, b5);
        }

        private BlockNode broken(ChainState local, ChainBuilder builder, BlockNode parent, Tx... txs) {
            MinedBlock m = builder.build(
                    parent,
                    parent.block().tailer().timestamp() + 1,
                    ChainBuilder.placeByShard(builder.allWithRefs(parent, txs)));
            local.processBlock(ReceivedBlock.of(m.block(), m.id()), BlockFlags.OWN, Origin.LOCAL);
            broken.add(m);
            return local.tree().find(m.id()).orElseThrow();
        }

        @Override
        public void close() throws java.io.IOException {
            peer.close();
        }
    }

    private static int peers(Node n) throws Exception {
        return n.call(() -> n.network().peerCount());
    }

    private static boolean invalid(Node n, BlockNode b) throws Exception {
        return n.call(
                () -> n.state().tree().find(b.id()).map(BlockNode::invalid).orElse(false));
    }

    /** The txs {@code n} holds in full in shard 2 of {@code b}. */
    private static List<Hash256> heldInShard2(Node n, BlockNode b) throws Exception {
        return n.call(() -> {
            BlockNode mine = n.state().tree().find(b.id()).orElseThrow();
            List<Hash256> held = new ArrayList<>();
            for (int i = 0; i < mine.block().numTxs(2); i++) {
                n.state().txAt(mine, 2, i).ifPresent(t -> held.add(org.pettycoin.consensus.TxHashes.txid(t)));
            }
            return held;
        });
    }

    private static List<String> listed(RpcTestNode wallet) throws Exception {
        List<String> txids = new ArrayList<>();
        wallet.result("listtransactions", TestKeys.text(WALLET))
                .forEach(t -> txids.add(t.get("txid").asText()));
        return txids;
    }
}
