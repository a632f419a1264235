package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Difficulty;
import org.pettycoin.chain.Network;
import org.pettycoin.chain.Timestamps;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockHeader;
import org.pettycoin.protocol.BlockTailer;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.ProtocolException;

/**
 * Each header rule of C's check_block_header and recv_block: a block breaking just that rule fails
 * with its ecode; its twin passes.
 */
class HeaderValidatorTest {
    private static final Address MINER = Address.fromHex("1201212a5b494784a924f2e0249bf4c268af1d0e");
    private static BlockTree tree;
    private static ChainBuilder builder;
    private static BlockNode tip;
    private static long now;

    @BeforeAll
    static void buildChain() {
        tree = new BlockTree(Network.REGTEST);
        builder = new ChainBuilder(tree, MINER);
        tip = builder.extend(tree.genesis(), 40);
        now = tip.block().tailer().timestamp() + 100;
    }

    private static Block twin() {
        return builder.template(tip, tip.block().tailer().timestamp() + 10);
    }

    private static ErrorCode rejection(Block unsolved) {
        Block b = ChainBuilder.solve(unsolved);
        try {
            HeaderValidator.checkReceived(tree, b, BlockIds.id(b), now);
            return ErrorCode.NONE;
        } catch (ProtocolException e) {
            return e.code();
        }
    }

    private static Block withHeader(Block b, UnaryOperator<BlockHeader> change) {
        return new Block(change.apply(b.header()), b.numTxs(), b.merkles(), b.prevTxhashes(), b.tailer());
    }

    private static Block withTailer(Block b, long timestamp, long difficulty) {
        return new Block(
                b.header(), b.numTxs(), b.merkles(), b.prevTxhashes(), new BlockTailer(timestamp, difficulty, 0));
    }

    @Test
    void theValidTwinPasses() {
        assertThat(rejection(twin())).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void malformedDifficulty() {
        Block b = withTailer(twin(), twin().tailer().timestamp(), 0x1f00ffffL);
        assertThatThrownBy(() -> HeaderValidator.checkWork(b, BlockIds.id(b)))
                .extracting(e -> ((ProtocolException) e).code())
                .isEqualTo(ErrorCode.MALFORMED_DIFFICULTY);
    }

    @Test
    void insufficientWork() {
        Block solved = ChainBuilder.solve(twin());
        for (long nonce = 0; ; nonce++) {
            BlockTailer t =
                    new BlockTailer(solved.tailer().timestamp(), solved.tailer().difficulty(), nonce);
            Block b = new Block(solved.header(), solved.numTxs(), solved.merkles(), solved.prevTxhashes(), t);
            Hash256 id = BlockIds.id(b);
            if (!Difficulty.beatsTarget(id, t.difficulty())) {
                assertThatThrownBy(() -> HeaderValidator.checkReceived(tree, b, id, now))
                        .extracting(e -> ((ProtocolException) e).code())
                        .isEqualTo(ErrorCode.INSUFFICIENT_WORK);
                return;
            }
        }
    }

    @Test
    void unknownParentIsTheInternalCode() {
        assertThat(rejection(withHeader(
                        twin(),
                        h -> header(
                                h,
                                h.shardOrder(),
                                h.height(),
                                replace(h.prevs(), 0, Hash256.fromHex("11".repeat(32)))))))
                .isEqualTo(ErrorCode.PRIV_UNKNOWN_PREV);
    }

    @Test
    void badShardOrder() {
        Block t = twin();
        BlockHeader h = header(t.header(), 3, t.height(), t.header().prevs());
        Block b = new Block(
                h,
                Bytes.of(new byte[8]),
                Collections.nCopies(8, MerkleTree.EMPTY_SHARD_ROOT),
                t.prevTxhashes(),
                t.tailer());
        assertThat(rejection(b)).isEqualTo(ErrorCode.BAD_SHARD_ORDER);
    }

    @Test
    void badHeight() {
        assertThat(rejection(withHeader(twin(), h -> header(h, h.shardOrder(), h.height() + 1, h.prevs()))))
                .isEqualTo(ErrorCode.BAD_HEIGHT);
    }

    @Test
    void timestampMustBeAfterTheMedianAndBeforeTwoHoursAhead() {
        long median = Timestamps.medianBefore(tip).orElseThrow();
        Block t = twin();
        assertThat(rejection(withTailer(t, median, t.tailer().difficulty()))).isEqualTo(ErrorCode.BAD_TIMESTAMP);
        assertThat(rejection(withTailer(t, median + 1, t.tailer().difficulty())))
                .isEqualTo(ErrorCode.NONE);
        assertThat(rejection(withTailer(
                        t, now + Timestamps.MAX_FUTURE_SECS, t.tailer().difficulty())))
                .isEqualTo(ErrorCode.BAD_TIMESTAMP);
        assertThat(rejection(withTailer(
                        t, now + Timestamps.MAX_FUTURE_SECS - 1, t.tailer().difficulty())))
                .isEqualTo(ErrorCode.NONE);
    }

    @Test
    void badDifficulty() {
        Block t = twin();
        assertThat(rejection(withTailer(t, t.tailer().timestamp(), 0x1f7fffffL)))
                .isEqualTo(ErrorCode.BAD_DIFFICULTY);
    }

    @Test
    void badPrevs() {
        assertThat(rejection(withHeader(
                        twin(),
                        h -> header(
                                h,
                                h.shardOrder(),
                                h.height(),
                                replace(h.prevs(), 3, h.prevs().get(4))))))
                .isEqualTo(ErrorCode.BAD_PREVS);
        // The zero fill is part of the rule too.
        assertThat(rejection(withHeader(
                        twin(),
                        h -> header(
                                h,
                                h.shardOrder(),
                                h.height(),
                                replace(h.prevs(), 19, Hash256.fromHex("01".repeat(32)))))))
                .isEqualTo(ErrorCode.BAD_PREVS);
    }

    @Test
    void badPrevTxhashesCountOnlyForReceivedBlocks() {
        Block t = twin();
        byte[] fewer = new byte[t.prevTxhashes().size() - 4];
        BlockHeader h = t.header();
        Block b = ChainBuilder.solve(new Block(
                new BlockHeader(
                        h.featuresVote(), h.shardOrder(), h.nonce2(), fewer.length, h.height(), h.feesTo(), h.prevs()),
                t.numTxs(),
                t.merkles(),
                Bytes.of(fewer),
                t.tailer()));
        assertThat(rejection(b)).isEqualTo(ErrorCode.BAD_PREV_TXHASHES);
        // The blockfile replay does not check the count (docs/c-differences.md #10).
        assertThat(catching(() -> HeaderValidator.checkHeader(tree, b, BlockIds.id(b), now)))
                .isEqualTo(ErrorCode.NONE);
    }

    @Test
    void theWholeBuiltChainIsValid() throws ProtocolException {
        BlockTree fresh = new BlockTree(Network.REGTEST);
        for (Block b : builder.built()) {
            Hash256 id = BlockIds.id(b);
            HeaderValidator.checkReceived(fresh, b, id, now);
            fresh.add(b, id);
        }
        assertThat(fresh.heads().longestChains().get(0).id()).isEqualTo(tip.id());
    }

    private interface Check {
        void run() throws ProtocolException;
    }

    private static ErrorCode catching(Check check) {
        try {
            check.run();
            return ErrorCode.NONE;
        } catch (ProtocolException e) {
            return e.code();
        }
    }

    private static BlockHeader header(BlockHeader h, int shardOrder, long height, List<Hash256> prevs) {
        return new BlockHeader(
                h.featuresVote(), shardOrder, h.nonce2(), h.numPrevTxhashes(), height, h.feesTo(), prevs);
    }

    private static List<Hash256> replace(List<Hash256> list, int index, Hash256 value) {
        List<Hash256> copy = new ArrayList<>(list);
        copy.set(index, value);
        return copy;
    }
}
