package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.ProtocolException;

/**
 * check_refs (C's input_refs.c) over headers. The chain: genesis, A (txs 2,0,1,0), B 10 s later, C
 * exactly on A's horizon, D one second past it.
 */
class RefChecksTest {
    private static final Address MINER = Address.fromHex("1201212a5b494784a924f2e0249bf4c268af1d0e");
    private static ChainBuilder builder;
    private static BlockNode a;
    private static BlockNode b;
    private static BlockNode c;
    private static BlockNode d;

    @BeforeAll
    static void buildChain() {
        BlockTree tree = new BlockTree(Network.REGTEST);
        builder = new ChainBuilder(tree, MINER);
        long t0 = tree.genesis().block().tailer().timestamp() + 10;
        a = withTxs(tree, builder.template(tree.genesis(), t0), 2, 0, 1, 0);
        b = builder.mine(a, t0 + 10);
        c = builder.mine(b, t0 + Network.TX_HORIZON_SECS);
        d = builder.mine(c, t0 + Network.TX_HORIZON_SECS + 1);
    }

    /** The tree does not validate, so a block claiming txs it never shows will do for header checks. */
    private static BlockNode withTxs(BlockTree tree, Block template, int... numTxs) {
        byte[] counts = new byte[numTxs.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (byte) numTxs[i];
        }
        Block block = new Block(
                template.header(), Bytes.of(counts), template.merkles(), template.prevTxhashes(), template.tailer());
        return tree.add(block, BlockIds.id(block));
    }

    private static ErrorCode codeOf(BlockNode block, InputRef... refs) {
        try {
            RefChecks.checkRefs(block, List.of(refs));
            return ErrorCode.NONE;
        } catch (ProtocolException e) {
            return e.code();
        }
    }

    @Test
    void refsToExistingSlotsPass() {
        assertThat(codeOf(c, new InputRef(2, 0, 0), new InputRef(2, 0, 1), new InputRef(2, 2, 0)))
                .isEqualTo(ErrorCode.NONE);
        assertThat(codeOf(a, new InputRef(0, 0, 1)))
                .as("a tx may spend from its own block")
                .isEqualTo(ErrorCode.NONE);
        assertThat(codeOf(d)).as("no refs").isEqualTo(ErrorCode.NONE);
    }

    @Test
    void noSuchAncestor() {
        assertThat(codeOf(b, new InputRef(2, 0, 0))).as("genesis is empty").isEqualTo(ErrorCode.REF_BAD_TXOFF);
        assertThat(codeOf(b, new InputRef(3, 0, 0))).isEqualTo(ErrorCode.REF_BAD_BLOCKS_AGO);
        assertThat(codeOf(c, new InputRef(4, 0, 0))).isEqualTo(ErrorCode.REF_BAD_BLOCKS_AGO);
        assertThat(codeOf(c, new InputRef(0xffffffffL, 0, 0))).isEqualTo(ErrorCode.REF_BAD_BLOCKS_AGO);
    }

    @Test
    void exactlyOnTheHorizonIsFineOneSecondPastIsNot() {
        assertThat(Horizon.expiry(a.block())).isEqualTo(c.block().tailer().timestamp());
        assertThat(codeOf(c, new InputRef(2, 0, 1))).isEqualTo(ErrorCode.NONE);
        assertThat(codeOf(c, new InputRef(3, 0, 0)))
                .as("genesis is 10 s older than A")
                .isEqualTo(ErrorCode.REF_BAD_BLOCKS_AGO);
        assertThat(codeOf(d, new InputRef(3, 0, 1))).isEqualTo(ErrorCode.REF_BAD_BLOCKS_AGO);
        // The horizon is checked before the shard.
        assertThat(codeOf(d, new InputRef(3, 9, 0))).isEqualTo(ErrorCode.REF_BAD_BLOCKS_AGO);
        assertThat(codeOf(d, new InputRef(2, 0, 0)))
                .as("B is recent enough, but empty")
                .isEqualTo(ErrorCode.REF_BAD_TXOFF);
    }

    @Test
    void shardMustExist() {
        assertThat(codeOf(c, new InputRef(2, 4, 0))).isEqualTo(ErrorCode.REF_BAD_SHARD);
        assertThat(codeOf(c, new InputRef(2, 0xffff, 0))).isEqualTo(ErrorCode.REF_BAD_SHARD);
    }

    @Test
    void txoffMustBeBelowTheShardsCount() {
        assertThat(codeOf(c, new InputRef(2, 0, 2))).isEqualTo(ErrorCode.REF_BAD_TXOFF);
        assertThat(codeOf(c, new InputRef(2, 1, 0))).isEqualTo(ErrorCode.REF_BAD_TXOFF);
        assertThat(codeOf(c, new InputRef(2, 2, 1))).isEqualTo(ErrorCode.REF_BAD_TXOFF);
        assertThat(codeOf(c, new InputRef(1, 0, 0))).isEqualTo(ErrorCode.REF_BAD_TXOFF);
    }

    @Test
    void theFirstBadRefDecides() {
        assertThat(codeOf(c, new InputRef(2, 0, 0), new InputRef(2, 4, 0), new InputRef(2, 0, 9)))
                .isEqualTo(ErrorCode.REF_BAD_SHARD);
        assertThat(codeOf(c, new InputRef(2, 0, 9), new InputRef(7, 0, 0))).isEqualTo(ErrorCode.REF_BAD_TXOFF);
    }

    @Test
    void expiryWrapsLikeCsU32() {
        assertThat(Horizon.expiredBy(10, 10)).isFalse();
        assertThat(Horizon.expiredBy(10, 11)).isTrue();
        Block late = builder.template(b, 0xffffffffL - 100);
        assertThat(Horizon.expiry(late)).isEqualTo(Network.TX_HORIZON_SECS - 101);
    }
}
