package org.pettycoin.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;

/** The vote count at window boundaries (C's features.c) and activation after the confirm delay. */
class FeatureVotesTest {
    private static final int W = FeatureVotes.VOTE_BLOCKS;

    private final BlockTree tree = new BlockTree(Network.REGTEST);
    private final ChainBuilder builder = new ChainBuilder(tree, Address.fromHex("44".repeat(20)));

    /** Extends {@code from} by {@code n} blocks, the first {@code voting} of them voting {@code bits}. */
    private BlockNode extend(BlockNode from, int n, int voting, int bits) {
        BlockNode tip = from;
        for (int i = 0; i < n; i++) {
            builder.voting(i < voting ? bits : 0);
            tip = builder.extend(tip, 1);
        }
        return tip;
    }

    @Test
    void seventyFivePercentOfAWindowLocksInAtItsLastBlockAndNotBefore() {
        assertThat(FeatureVotes.THRESHOLD).isEqualTo(1512);
        BlockNode beforeBoundary = extend(tree.genesis(), W - 1, FeatureVotes.THRESHOLD, 0x01);
        assertThat(beforeBoundary.height()).isEqualTo(W - 1);
        assertThat(beforeBoundary.pendingFeatures()).isZero();
        BlockNode boundary = extend(beforeBoundary, 1, 0, 0);
        assertThat(boundary.pendingFeatures()).isEqualTo(0x01);
        BlockNode after = extend(boundary, 1, 0, 0);
        assertThat(after.pendingFeatures()).as("kept until the next count").isEqualTo(0x01);
        assertThat(after.activeFeatures()).isZero();
    }

    @Test
    void oneVoteShortOfSeventyFivePercentNeverLocksIn() {
        BlockNode boundary = extend(tree.genesis(), W, FeatureVotes.THRESHOLD - 1, 0x03);
        assertThat(boundary.pendingFeatures()).isZero();
        BlockNode next = extend(boundary, W, W, 0x02);
        assertThat(next.pendingFeatures()).as("a full window for bit 1 only").isEqualTo(0x02);
    }

    /**
     * A C node always votes 0. Mining more than a quarter of a window's blocks it keeps any feature
     * out; mining exactly a quarter it does not, since C's test is {@code count * 4 / 2016 >= 3}.
     */
    @Test
    void aCMinerWithMoreThanAQuarterOfTheBlocksKeepsAFeatureOut() {
        int quarter = W / 4;
        BlockNode cHasMore = extend(tree.genesis(), W, W - quarter - 1, 0x01);
        assertThat(cHasMore.pendingFeatures()).isZero();
        assertThat(extend(cHasMore, W, W - quarter - 1, 0x01).activeFeatures()).isZero();
        BlockTree other = new BlockTree(Network.REGTEST);
        ChainBuilder b = new ChainBuilder(other, Address.fromHex("45".repeat(20)));
        BlockNode tip = other.genesis();
        for (int i = 0; i < W; i++) {
            b.voting(i % 4 == 3 ? 0 : 0x01); // every fourth block is the C miner's
            tip = b.extend(tip, 1);
        }
        assertThat(tip.pendingFeatures()).as("exactly a quarter is not enough").isEqualTo(0x01);
    }

    @Test
    void aLockedInFeatureIsActiveFromTheConfirmDelayOnAndStaysActive() {
        BlockNode lockedIn = extend(tree.genesis(), W, W, 0x01);
        BlockNode justBefore = extend(lockedIn, FeatureVotes.CONFIRM_DELAY - 1, 0, 0);
        assertThat(justBefore.activeFeatures()).isZero();
        BlockNode active = extend(justBefore, 1, 0, 0);
        assertThat(active.height()).isEqualTo(W + FeatureVotes.CONFIRM_DELAY);
        assertThat(active.pendingFeatures()).as("this window voted nothing").isZero();
        assertThat(active.activeFeatures()).isEqualTo(0x01);
        assertThat(extend(active, W + 1, 0, 0).activeFeatures()).isEqualTo(0x01);
        // What a pending tx or a template is judged by: the features of the child to come.
        assertThat(FeatureVotes.activeForChildOf(justBefore.parent().orElseThrow()))
                .isZero();
        assertThat(FeatureVotes.activeForChildOf(justBefore)).isEqualTo(0x01);
        assertThat(FeatureVotes.activeForChildOf(tree.genesis())).isZero();
    }

    @Test
    void eachBranchCountsItsOwnVotes() {
        BlockNode common = extend(tree.genesis(), W / 2, W / 2, 0x01);
        BlockNode voted = extend(common, W / 2, W / 2, 0x01);
        builder.voting(0);
        BlockNode other = common;
        for (int i = 0; i < W / 2; i++) {
            other = builder.mine(other, other.block().tailer().timestamp() + 3); // another branch
        }
        assertThat(voted.height()).isEqualTo(W);
        assertThat(other.height()).isEqualTo(W);
        assertThat(voted.pendingFeatures()).isEqualTo(0x01);
        assertThat(other.pendingFeatures()).as("only the common half voted").isZero();
    }

    @Test
    void theTallyCountsTheWindowABlockIsIn() {
        BlockNode first = extend(tree.genesis(), 1, 1, 0x01);
        FeatureVotes.WindowTally t = FeatureVotes.tally(first);
        assertThat(t.firstHeight()).isEqualTo(1);
        assertThat(t.blocks()).isEqualTo(1);
        assertThat(t.votesFor(0)).isEqualTo(1);
        assertThat(t.countedAt()).isEqualTo(W);
        BlockNode boundary = extend(first, W - 1, 9, 0x01);
        assertThat(FeatureVotes.tally(boundary).blocks()).isEqualTo(W);
        assertThat(FeatureVotes.tally(boundary).votesFor(0)).isEqualTo(10);
        BlockNode nextWindow = extend(boundary, 1, 1, 0x80);
        FeatureVotes.WindowTally n = FeatureVotes.tally(nextWindow);
        assertThat(n.firstHeight()).isEqualTo(W + 1);
        assertThat(n.blocks()).isEqualTo(1);
        assertThat(n.votesFor(0)).isZero();
        assertThat(n.votesFor(7)).isEqualTo(1);
        assertThat(FeatureVotes.tally(tree.genesis()).blocks()).isZero();
    }
}
