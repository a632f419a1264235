package org.pettycoin.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockCodec;
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

    /** A block held keeps its back-pointers as the very id objects of the blocks they name: equal, not copies. */
    @Test
    void aHeldBlocksPrevsAreItsAncestorsOwnIdObjects() throws Exception {
        BlockTree source = new BlockTree(Network.REGTEST);
        List<Block> built = new ArrayList<>();
        ChainBuilder b = new ChainBuilder(source, Address.fromHex("55".repeat(20)));
        b.extend(source.genesis(), 40);
        built.addAll(b.built());
        BlockTree tree = new BlockTree(Network.REGTEST);
        BlockNode n = tree.genesis();
        for (Block blk : built) {
            // decoded copies, as from the wire: no object shared with the source tree
            Block copy = BlockCodec.decode(BlockCodec.encode(blk));
            n = tree.add(copy, BlockIds.id(copy));
            assertThat(n.block()).isEqualTo(copy);
        }
        BlockNode tip = n;
        List<Hash256> prevs = tip.block().header().prevs();
        for (int i = 0; i < prevs.size(); i++) {
            long distance = 1L << i;
            if (distance <= tip.height()) {
                assertThat(prevs.get(i))
                        .isSameAs(tip.ancestor(distance).orElseThrow().id());
            } else {
                assertThat(prevs.get(i)).isSameAs(Hash256.ZERO);
            }
        }
    }
}
