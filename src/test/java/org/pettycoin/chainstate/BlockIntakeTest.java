package org.pettycoin.chainstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;

class BlockIntakeTest {
    private static final Address MINER = Address.fromHex("33".repeat(20));
    private static List<Block> chain;
    private static Hash256 tipId;

    @BeforeAll
    static void build() {
        BlockTree source = new BlockTree(Network.REGTEST);
        ChainBuilder builder = new ChainBuilder(source, MINER);
        tipId = builder.extend(source.genesis(), 5000).id();
        chain = builder.built();
    }

    private static long now() {
        return chain.get(chain.size() - 1).tailer().timestamp() + 60;
    }

    private static BlockIntake intake(BlockTree tree, DetachedBlockPool pool) {
        return new BlockIntake(tree, pool, BlockIntakeTest::now, () -> 0L);
    }

    @Test
    void inOrderArrivalAttachesEachBlock() {
        BlockTree tree = new BlockTree(Network.REGTEST);
        BlockIntake in = intake(tree, new DetachedBlockPool());
        for (Block b : chain.subList(0, 100)) {
            BlockIntake.Result r = in.receive(b);
            assertThat(r.status()).isEqualTo(BlockIntake.Status.ATTACHED);
            assertThat(((BlockIntake.Attached) r).blocks()).hasSize(1);
        }
        assertThat(in.receive(chain.get(50)).status()).isEqualTo(BlockIntake.Status.KNOWN);
    }

    @Test
    void fiveThousandBlocksInRandomOrderAttachCompletely() {
        BlockTree tree = new BlockTree(Network.REGTEST);
        DetachedBlockPool pool = new DetachedBlockPool();
        BlockIntake in = intake(tree, pool);
        List<Block> shuffled = new ArrayList<>(chain);
        Collections.shuffle(shuffled, new Random(42));
        int attached = 0;
        for (Block b : shuffled) {
            BlockIntake.Result r = in.receive(b);
            assertThat(r.status()).isIn(BlockIntake.Status.ATTACHED, BlockIntake.Status.DETACHED);
            attached += r instanceof BlockIntake.Attached a ? a.blocks().size() : 0;
        }
        assertThat(attached).isEqualTo(5000);
        assertThat(pool.size()).isZero();
        assertThat(pool.bytes()).isZero();
        assertThat(tree.size()).isEqualTo(5001);
        assertThat(tree.heads().longestChains()).extracting(BlockNode::id).containsExactly(tipId);
    }

    @Test
    void detachedBlocksAskForTheirMissingPrevs() {
        BlockTree tree = new BlockTree(Network.REGTEST);
        BlockIntake in = intake(tree, new DetachedBlockPool());
        Block b = chain.get(99); // height 100
        BlockIntake.Result r = in.receive(b);
        assertThat(r.status()).isEqualTo(BlockIntake.Status.DETACHED);
        // prevs[0..6] are heights 99, 98, 96, 92, 84, 68, 36: none known yet.
        assertThat(((BlockIntake.Detached) r).missing())
                .hasSize(7)
                .containsExactlyElementsOf(b.header().prevs().subList(0, 7));
        assertThat(in.receive(b).status()).isEqualTo(BlockIntake.Status.ALREADY_DETACHED);
    }

    @Test
    void invalidBlocksAreRejectedWithTheirCode() {
        BlockTree tree = new BlockTree(Network.REGTEST);
        BlockIntake in = intake(tree, new DetachedBlockPool());
        Block good = chain.get(0);
        Block bad = new Block(
                good.header(),
                good.numTxs(),
                good.merkles(),
                good.prevTxhashes(),
                new org.pettycoin.protocol.BlockTailer(good.tailer().timestamp(), 0x1f7fffffL, 0));
        BlockIntake.Result r = in.receive(ChainBuilder.solve(bad));
        assertThat(r.status()).isEqualTo(BlockIntake.Status.INVALID);
        assertThat(((BlockIntake.Invalid) r).error()).isEqualTo(ErrorCode.BAD_DIFFICULTY);
        assertThat(BlockIds.id(good)).isNotNull();
    }
}
