package org.pettycoin.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the network votes protocol changes in (C's features.c pending_features, chain.c new_longest).
 * Every block header carries a vote byte, one bit per feature. At every height that is a multiple of
 * {@link #VOTE_BLOCKS}, the votes of the block and the {@code VOTE_BLOCKS - 1} before it are counted,
 * and a feature with at least 75% of them ({@code count * 4 / VOTE_BLOCKS >= 3}, C's integer
 * arithmetic) is <em>pending</em> (locked in) until the next such height; between two, a block's
 * pending features are its parent's.
 *
 * <p>C stops there: it warns of pending features it does not know, and the confirm delay is only a
 * date in that warning. Here a feature locked in at height H is <em>active</em> for every block at
 * height H + {@link #CONFIRM_DELAY} and above on that chain, and stays active for good: once a rule
 * has changed, blocks after it are judged by the new rule and blocks before it by the old, whatever
 * later windows vote.
 */
public final class FeatureVotes {
    /** PROTOCOL_FEATURE_VOTE_BLOCKS: the window, and the spacing of the heights that count it. */
    public static final int VOTE_BLOCKS = 2016;
    /** PROTOCOL_FEATURE_CONFIRM_DELAY: blocks from lock-in to activation. */
    public static final int CONFIRM_DELAY = 2016;
    /** Votes a feature needs in one window: the least count with {@code count * 4 / VOTE_BLOCKS >= 3}. */
    public static final int THRESHOLD = (3 * VOTE_BLOCKS + 3) / 4;

    private FeatureVotes() {}

    /** Whether the window is counted at {@code height} (C: {@code height % VOTE_BLOCKS == 0}). */
    public static boolean countsAt(long height) {
        return height % VOTE_BLOCKS == 0;
    }

    /**
     * {@code pending_features} of {@code block}: its parent's, except at a counting height, where the
     * votes of the window ending at {@code block} decide. Genesis has none.
     */
    static int pending(BlockNode block, Optional<BlockNode> parent) {
        if (parent.isEmpty()) {
            return 0;
        }
        if (!countsAt(block.height())) {
            return parent.get().pendingFeatures();
        }
        int[] counts = new int[8];
        BlockNode b = block;
        for (int i = 0; i < VOTE_BLOCKS && b != null; i++) {
            int vote = b.block().header().featuresVote();
            for (int j = 0; j < counts.length; j++) {
                if ((vote & (1 << j)) != 0) {
                    counts[j]++;
                }
            }
            b = b.parent().orElse(null);
        }
        int result = 0;
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] * 4 / VOTE_BLOCKS >= 3) {
                result |= 1 << j;
            }
        }
        return result;
    }

    /**
     * The features active at {@code block}: its parent's, and those pending at the block
     * {@link #CONFIRM_DELAY} below it.
     */
    static int active(BlockNode block, Optional<BlockNode> parent) {
        if (parent.isEmpty()) {
            return 0;
        }
        int inherited = parent.get().activeFeatures();
        return block.height() < CONFIRM_DELAY
                ? inherited
                : inherited | block.ancestor(CONFIRM_DELAY).orElseThrow().pendingFeatures();
    }

    /**
     * The features that would be active at a child of {@code parent}: what a pending tx is judged by,
     * and what a template is built for.
     */
    public static int activeForChildOf(BlockNode parent) {
        long height = parent.height() + 1;
        return height < CONFIRM_DELAY
                ? parent.activeFeatures()
                : parent.activeFeatures()
                        | parent.ancestor(CONFIRM_DELAY - 1).orElseThrow().pendingFeatures();
    }

    /** How far the window {@code block} is in has come: its votes so far for each feature bit. */
    public static WindowTally tally(BlockNode block) {
        int[] counts = new int[8];
        int blocks = 0;
        for (Optional<BlockNode> b = Optional.of(block);
                b.isPresent() && b.get().parent().isPresent();
                b = b.get().parent()) {
            int vote = b.get().block().header().featuresVote();
            for (int j = 0; j < counts.length; j++) {
                if ((vote & (1 << j)) != 0) {
                    counts[j]++;
                }
            }
            blocks++;
            if (countsAt(b.get().height() - 1)) {
                break; // the first block of this window
            }
        }
        List<Integer> votes = new ArrayList<>(counts.length);
        for (int c : counts) {
            votes.add(c);
        }
        return new WindowTally(block.height() - blocks + 1, blocks, votes);
    }

    /**
     * The votes of the window a block is in, from its first block up to the block.
     *
     * @param firstHeight the window's first block (one past a counting height)
     * @param blocks blocks counted so far, at most {@link #VOTE_BLOCKS}
     * @param votes for each of the eight vote bits, the blocks so far that set it
     */
    public record WindowTally(long firstHeight, int blocks, List<Integer> votes) {
        public WindowTally {
            votes = List.copyOf(votes);
        }

        public int votesFor(int bit) {
            return votes.get(bit);
        }

        /** The height at which this window is counted. */
        public long countedAt() {
            return firstHeight + VOTE_BLOCKS - 1;
        }
    }
}
