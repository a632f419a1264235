package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestNodes.address;
import static org.pettycoin.testing.TestNodes.bestId;

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

/**
 * Sync of blocks full of transactions: a node only mines on (and advertises) a block whose every tx
 * it holds, so reaching the other node's best block means every shard and tx was fetched.
 */
@Timeout(120)
class ContentsSyncTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyNodeFetchesEveryShardAndTxOfAChainWithTransactions() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, Network.REGTEST.genesisTimestamp() + 3600)) {
            Node a = nodes.start("a");
            int blocks = 40;
            int perBlock = 30;
            Hash256 tip = TestNodes.mineWorkload(a, blocks, perBlock, 32, 3);
            assertThat(bestId(a)).isEqualTo(tip);
            Node b = nodes.start("b", address(a));
            assertThat(Await.await(Duration.ofSeconds(60), () -> bestId(b).equals(tip)))
                    .isTrue();
            assertThat(Await.await(
                            Duration.ofSeconds(10),
                            () -> b.call(() -> b.network().outstandingRequests()) == 0))
                    .isTrue();
            // Every tx of the chain is held, with its proof, on the new node.
            assertThat(b.call(() -> {
                        int full = 0;
                        for (BlockNode x = b.state().miningHead();
                                x.parent().isPresent();
                                x = x.parent().get()) {
                            for (int s = 0; s < x.block().numShards(); s++) {
                                for (int i = 0; i < x.block().numTxs(s); i++) {
                                    full += b.state().provenAt(x, s, i).isPresent() ? 1 : 0;
                                }
                            }
                        }
                        return full;
                    }))
                    .isEqualTo(blocks * perBlock);
        }
    }
}
