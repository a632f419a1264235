package org.pettycoin.chain;

import java.util.List;

/**
 * The anti-flood heuristic for blocks whose parent we do not know (C's recv_block.c
 * {@code min_difficulty}): such a block must not be much easier than blocks we hold at (or near) its
 * claimed height, since we cannot check its difficulty properly until it attaches.
 */
public final class FloodGate {
    private FloodGate() {}

    /**
     * The easiest difficulty we accept for an unattached block claiming {@code height}: a quarter of
     * the first block we hold at that height, or, above our top, a quarter of our top block eased by
     * another quarter per retarget boundary in between; never easier than genesis. (C tests
     * {@code count >= height} and reads past its array at top + 1; we use the intended bound.)
     */
    public static long minDifficulty(BlockTree tree, long height) {
        long min;
        List<BlockNode> same = tree.atHeight(height);
        if (!same.isEmpty()) {
            min = Difficulty.div4(same.get(0).block().tailer().difficulty());
        } else {
            long top = tree.topHeight();
            min = Difficulty.div4(tree.atHeight(top).get(0).block().tailer().difficulty());
            long periods = height / Network.DIFFICULTY_UPDATE_BLOCKS - top / Network.DIFFICULTY_UPDATE_BLOCKS;
            for (long i = 0;
                    i < periods && Difficulty.compare(min, tree.network().genesisDifficulty()) > 0;
                    i++) {
                min = Difficulty.div4(min);
            }
        }
        long genesis = tree.network().genesisDifficulty();
        return Difficulty.compare(min, genesis) < 0 ? genesis : min;
    }

    /** Whether an unattached block with this difficulty and claimed height may be kept. */
    public static boolean admits(BlockTree tree, long height, long difficulty) {
        return Difficulty.compare(difficulty, minDifficulty(tree, height)) >= 0;
    }
}
