package org.pettycoin.chain;

/** What the rest of the node hears about chain choice; every method defaults to doing nothing. */
public interface ChainListener {
    /**
     * {@code longest_knowns[0]} moved from {@code oldHead} to {@code newHead}. When the old head is not
     * an ancestor of the new one, the txs of the abandoned branch go back to pending (C's chain.c steal_pending_txs).
     */
    default void knownHeadChanged(BlockNode oldHead, BlockNode newHead) {}

    /**
     * {@code block} joined {@code longest_chains} (C's chain.c new_longest, from
     * update_block_ptrs_new_block): it has at least the most work of any block, contents ignored.
     */
    default void newLongest(BlockNode block) {}

    /** The set of mineable heads changed: pending txs must be rechecked. */
    default void pendingNeedsRecheck() {}
}
