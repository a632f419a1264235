package org.pettycoin.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Protocol;

class PrevsTest {
    /** The prevs read off the skip links are the rule's: each entry looked up by height on its own branch. */
    @Test
    void theSkipLinkWalkGivesEveryEntryOnEveryBranch() {
        BlockTree tree = new BlockTree(Network.REGTEST);
        ChainBuilder b = new ChainBuilder(tree, Address.fromHex("55".repeat(20)));
        BlockNode tip = b.extend(tree.genesis(), 140);
        BlockNode forkBase = tip.ancestor(77).orElseThrow();
        BlockNode n = forkBase;
        for (int i = 0; i < 50; i++) {
            n = b.mine(n, n.block().tailer().timestamp() + 7); // other timestamps: other blocks
        }
        List<BlockNode> all = new ArrayList<>();
        for (long h = 0; h <= tree.topHeight(); h++) {
            all.addAll(tree.atHeight(h));
        }
        assertThat(all).hasSize(1 + 140 + 50);
        for (BlockNode parent : all) {
            List<Hash256> byHeight = Prevs.forBlockAt(
                    parent.height() + 1,
                    h -> parent.ancestor(parent.height() - h).orElseThrow().id());
            assertThat(Prevs.forChildOf(parent))
                    .as("child of height " + parent.height())
                    .isEqualTo(byHeight);
        }
    }

    @Test
    void aChildOfGenesisNamesOnlyGenesis() {
        BlockTree tree = new BlockTree(Network.REGTEST);
        List<Hash256> prevs = Prevs.forChildOf(tree.genesis());
        assertThat(prevs).hasSize(Protocol.NUM_PREV_IDS);
        assertThat(prevs.get(0)).isEqualTo(tree.genesis().id());
        assertThat(prevs.subList(1, prevs.size())).containsOnly(Hash256.ZERO);
    }
}
