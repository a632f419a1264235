package org.pettycoin.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Protocol;

/**
 * The {@code prevs[20]} rule (C's prev_blocks.c make_prev_blocks): for a block at height H, entry i is the
 * id of its ancestor at height H − 2^i while that is ≥ 0, and 32 zero bytes after that. Validation
 * compares all 20 entries, so the zero fill is part of the rule.
 */
public final class Prevs {
    private Prevs() {}

    /**
     * The prevs a block at {@code height} must carry.
     *
     * @param idAtHeight the id of the new block's ancestor at a given height, on its own branch
     */
    public static List<Hash256> forBlockAt(long height, LongFunction<Hash256> idAtHeight) {
        List<Hash256> prevs = new ArrayList<>(Protocol.NUM_PREV_IDS);
        for (int i = 0; i < Protocol.NUM_PREV_IDS; i++) {
            long h = height - (1L << i);
            prevs.add(h >= 0 ? idAtHeight.apply(h) : Hash256.ZERO);
        }
        return List.copyOf(prevs);
    }

    /**
     * The prevs a child of {@code parent} must carry, read off the tree's skip links: entry i is at
     * distance 2^i − 1 from the parent, so entry i + 1 is the ancestor 2^i back of entry i. Twenty
     * link hops, where looking each entry up from the parent costs a walk of its own.
     */
    public static List<Hash256> forChildOf(BlockNode parent) {
        Hash256[] prevs = new Hash256[Protocol.NUM_PREV_IDS];
        Arrays.fill(prevs, Hash256.ZERO);
        BlockNode n = parent;
        for (int i = 0; i < Protocol.NUM_PREV_IDS && n != null; i++) {
            prevs[i] = n.id();
            n = n.powerOfTwoBack(i);
        }
        return List.of(prevs);
    }

    /** Non-zero entries for a block at {@code height}: ⌊log2 H⌋ + 1, or 0 for genesis. */
    public static int count(long height) {
        return height <= 0 ? 0 : Math.min(Protocol.NUM_PREV_IDS, 64 - Long.numberOfLeadingZeros(height));
    }
}
