package org.pettycoin.chain;

/** {@code get_difficulty(prev)}: the difficulty the child of a block must carry (C's difficulty.c). */
public final class Retarget {
    /** Ideal span of one retarget period on the test network: 2016 × 10 s. */
    public static final long IDEAL_SPAN_SECS = Network.BLOCK_TARGET_TIME_SECS * Network.DIFFICULTY_UPDATE_BLOCKS;

    private Retarget() {}

    public static long requiredForChildOf(BlockNode parent, Network network) {
        long parentDifficulty = parent.block().tailer().difficulty();
        long interval = Network.DIFFICULTY_UPDATE_BLOCKS;
        if ((parent.height() + 1) % interval != 0) {
            return parentDifficulty;
        }
        // The first period measures from genesis, so only 2015 spacings: C accepts that knowingly.
        BlockNode start = parent.height() == interval - 1
                ? parent.ancestor(parent.height()).orElseThrow()
                : parent.ancestor(interval).orElseThrow();
        long span = parent.block().tailer().timestamp() - start.block().tailer().timestamp();
        return Difficulty.retarget(parentDifficulty, span, IDEAL_SPAN_SECS, network.genesisDifficulty());
    }
}
