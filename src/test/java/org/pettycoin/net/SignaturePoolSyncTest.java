package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestNodes.address;
import static org.pettycoin.testing.TestNodes.bestId;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.DetachedBlockPool;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.consensus.TxChecks;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.VerifiedSignatures;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestNodes;

/**
 * Full blocks synced over real sockets by a node checking signatures on its worker pool and by one
 * checking them on the node thread alone: the same chain, every tx in the same place, and the pooled
 * node's node thread found every signature already verified.
 */
@Timeout(180)
class SignaturePoolSyncTest {
    @TempDir
    Path dir;

    /** Each node its own checks, so that no node finds what another verified in a shared cache. */
    private static Node.Options ownChecks(Node.Options o, int signatureThreads) {
        return o.withChain(new ChainState.Config(
                        DetachedBlockPool.Limits.DEFAULT, PendingPool.Policy.ACCEPT_ALL, new TxChecks()))
                .withSignatureThreads(signatureThreads);
    }

    @Test
    void aNodeWithThePoolSyncsTheSameFullBlocksAsOneWithout() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, Network.REGTEST.genesisTimestamp() + 3600)) {
            Node a = nodes.start(ownChecks(nodes.options("a"), 0));
            int blocks = 30;
            int perBlock = 40;
            long total = (long) blocks * perBlock;
            Hash256 tip = TestNodes.mineWorkload(a, blocks, perBlock, 32, 11);
            Node pooled = nodes.start(ownChecks(nodes.options("pooled", address(a)), 2));
            Node inline = nodes.start(ownChecks(nodes.options("inline", address(a)), 0));
            for (Node n : List.of(pooled, inline)) {
                assertThat(Await.await(Duration.ofMinutes(2), () -> bestId(n).equals(tip)))
                        .isTrue();
                assertThat(Await.await(
                                Duration.ofSeconds(20),
                                () -> n.call(() -> n.network().outstandingRequests()) == 0))
                        .isTrue();
            }
            List<String> want = placed(a);
            assertThat(want).hasSize((int) total);
            assertThat(placed(pooled)).isEqualTo(want);
            assertThat(placed(inline)).isEqualTo(want);

            // Every TX_IN_BLOCK waited for its check on the pool, so the node thread verified none itself.
            VerifiedSignatures.Counts p = counts(pooled);
            assertThat(p.hits()).isGreaterThanOrEqualTo(total);
            VerifiedSignatures.Counts i = counts(inline);
            assertThat(i.misses()).isGreaterThanOrEqualTo(total);
        }
    }

    private static VerifiedSignatures.Counts counts(Node n) {
        return n.options().chain().txChecks().signing().verified().counts();
    }

    /** Each tx held, as "height shard txoff txid", from the tip down. */
    private static List<String> placed(Node n) throws IOException {
        return n.call(() -> {
            List<String> out = new ArrayList<>();
            for (BlockNode x = n.state().miningHead();
                    x.parent().isPresent();
                    x = x.parent().get()) {
                for (int s = 0; s < x.block().numShards(); s++) {
                    for (int t = 0; t < x.block().numTxs(s); t++) {
                        int shard = s;
                        int txoff = t;
                        BlockNode b = x;
                        n.state()
                                .provenAt(x, s, t)
                                .ifPresent(w -> out.add(b.height() + " " + shard + " " + txoff + " "
                                        + TxHashes.txid(w.tx()).hex()));
                    }
                }
            }
            return out;
        });
    }
}
