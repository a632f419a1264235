package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestNodes.address;
import static org.pettycoin.testing.TestNodes.bestId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Interests;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.Tx;
import org.pettycoin.store.PeerCache;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestNodes;

/**
 * Nodes that hold only some shards (C's interests, which the C node always set in full): they sync
 * a chain with txs in all four shards from a full peer or a partial one, keep the full txs of their
 * own shards, the hashes of the rest and the txs of the rest that pay into theirs (TXMAP), and get
 * their known tip back after a restart.
 */
@Timeout(180)
class PartialNodesTest {
    private static final Interests ZERO_ONE = Interests.of(0, 1);

    @TempDir
    Path dir;

    /** What a block's slots hold on the full node: the tx of each (shard, txoff). */
    private record Slots(Hash256 block, List<List<Tx>> shards) {}

    @Test
    void aPartialNodeSyncsFromAFullPeerThenServesAnotherAndGetsItsKnownTipBackAfterARestart() throws Exception {
        syncServeAndRestart(12, 24);
    }

    /** The same on a chain of bench size: 200 blocks of 100 txs. */
    @Test
    @Tag("scenario")
    void theSameOnABenchSizedChain() throws Exception {
        syncServeAndRestart(200, 100);
    }

    private void syncServeAndRestart(int blocks, int perBlock) throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS)) {
            Node full = nodes.start("full");
            Hash256 tip = TestNodes.mineWorkload(full, blocks, perBlock, 32, 7);
            List<Slots> chain = slotsOf(full);
            // The chain is what the test needs: txs in every shard, some of shards 2 and 3 paying into 0 or 1.
            for (int s = 0; s < Interests.SHARDS; s++) {
                int shard = s;
                assertThat(chain.stream()
                                .mapToInt(c -> c.shards().get(shard).size())
                                .sum())
                        .as("txs in shard %d", s)
                        .isPositive();
            }
            assertThat(chain.stream()
                            .flatMap(c -> c.shards().subList(2, 4).stream())
                            .flatMap(List::stream)
                            .filter(PartialNodesTest::paysIntoZeroOrOne)
                            .count())
                    .isPositive();

            Node.Options bOptions = nodes.options("b", address(full)).withShards(ZERO_ONE);
            Node b = nodes.start(bOptions);
            awaitKnownTip(b, tip);
            assertHoldsOnly(b, ZERO_ONE, chain);

            // Partial peers serve each other: one with the same shards, one with fewer, from b alone.
            Node c = nodes.start(nodes.options("c", address(b)).withShards(ZERO_ONE));
            Node d = nodes.start(nodes.options("d", address(b)).withShards(Interests.of(1)));
            awaitKnownTip(c, tip);
            awaitKnownTip(d, tip);
            assertHoldsOnly(c, ZERO_ONE, chain);
            assertHoldsOnly(d, Interests.of(1), chain);

            // The blockfile keeps blocks and txs only: alone, a restarted b lacks the other shards' hashes...
            b.close();
            // Alone: without its peer cache it cannot dial c and d, which connected to it.
            Files.delete(nodes.dataDir("b").resolve(PeerCache.FILE_NAME));
            Node alone = nodes.start(nodes.options("b").withShards(ZERO_ONE));
            assertThat(alone.call(() -> alone.state().tree().find(tip).isPresent()))
                    .isTrue();
            assertThat(bestId(alone)).isNotEqualTo(tip);
            alone.close();
            // ...and asks for them again as soon as it has a peer.
            Node again = nodes.start(bOptions);
            awaitKnownTip(again, tip);
            assertHoldsOnly(again, ZERO_ONE, chain);
        }
    }

    private static List<Slots> slotsOf(Node full) throws Exception {
        return full.call(() -> {
            List<Slots> out = new ArrayList<>();
            for (BlockNode x = full.state().miningHead();
                    x.parent().isPresent();
                    x = x.parent().get()) {
                List<List<Tx>> shards = new ArrayList<>();
                for (int s = 0; s < x.block().numShards(); s++) {
                    List<Tx> txs = new ArrayList<>();
                    for (int i = 0; i < x.block().numTxs(s); i++) {
                        txs.add(full.state().txAt(x, s, i).orElseThrow());
                    }
                    shards.add(txs);
                }
                out.add(new Slots(x.id(), shards));
            }
            return out;
        });
    }

    private static boolean paysIntoZeroOrOne(Tx tx) {
        return tx instanceof NormalTx n && ZERO_ONE.holds(n.outputAddr().shard(Protocol.INITIAL_SHARD_ORDER));
    }

    private static void awaitKnownTip(Node n, Hash256 tip) throws Exception {
        assertThat(Await.await(Duration.ofSeconds(60), () -> bestId(n).equals(tip)))
                .as("known tip reached")
                .isTrue();
        assertThat(Await.await(
                        Duration.ofSeconds(20), () -> n.call(() -> n.network().outstandingRequests()) == 0))
                .as("nothing left to fetch")
                .isTrue();
    }

    /**
     * Every block: the shards held are all full; every other shard has all its hashes and, of its
     * txs, exactly those paying into a shard held (what a TXMAP marks).
     */
    private static void assertHoldsOnly(Node n, Interests held, List<Slots> chain) throws Exception {
        n.call(() -> {
            for (Slots c : chain) {
                BlockNode b = n.state().tree().find(c.block()).orElseThrow();
                assertThat(b.allKnown()).as("%s known", b).isTrue();
                for (int s = 0; s < c.shards().size(); s++) {
                    List<Tx> txs = c.shards().get(s);
                    assertThat(n.state().shardAllHashes(b, s)).isTrue();
                    if (held.holds(s)) {
                        assertThat(n.state().shardAllKnown(b, s))
                                .as("%s shard %d", b, s)
                                .isTrue();
                        continue;
                    }
                    for (int i = 0; i < txs.size(); i++) {
                        Tx tx = txs.get(i);
                        boolean paysIn = tx instanceof NormalTx nt
                                && held.holds(nt.outputAddr().shard(Protocol.INITIAL_SHARD_ORDER));
                        Optional<Tx> have = n.state().txAt(b, s, i);
                        assertThat(have.isPresent())
                                .as("%s shard %d slot %d (pays into ours: %s)", b, s, i, paysIn)
                                .isEqualTo(paysIn);
                        assertThat(n.state().hashAt(b, s, i)).isPresent();
                    }
                }
            }
            return null;
        });
    }
}
