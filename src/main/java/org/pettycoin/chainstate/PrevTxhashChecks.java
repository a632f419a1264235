package org.pettycoin.chainstate;

import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.PrevTxhashes;
import org.pettycoin.protocol.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code check_prev_txhashes} (C's check_block.c): each byte of a block's prev_txhashes that covers a
 * shard we hold in full must be right. C has no complaint for a wrong one (complain_bad_prev_txhashes
 * is empty), so a mismatch is logged and reported, never invalidating (docs/c-differences.md #2).
 */
final class PrevTxhashChecks {
    private static final Logger LOG = LoggerFactory.getLogger(PrevTxhashChecks.class);

    private final BlockTree tree;
    private final TxStore store;

    PrevTxhashChecks(BlockTree tree, TxStore store) {
        this.tree = tree;
        this.store = store;
    }

    /** Every byte of {@code b} covering an all-known shard is right. */
    boolean agree(BlockNode b) {
        int index = 0;
        for (long h : PrevTxhashes.coveredHeights(b.height())) {
            BlockNode covered = b.ancestor(b.height() - h).orElseThrow();
            for (int s = 0; s < covered.block().numShards(); s++, index++) {
                if (!byteAgrees(b, covered, s, index)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A shard of {@code x} became all known: check the byte each covering descendant has for it.
     * C rechecks {@code x} and its whole subtree (chain.c recheck_merkles); only the blocks 1, 2, 4 … 512 below
     * can have a byte for it.
     */
    void recheckCovering(BlockNode x, int shard) {
        for (int i = 0; i < Protocol.PREV_BLOCK_TXHASHES; i++) {
            for (BlockNode d : tree.atHeight(x.height() + (1L << i))) {
                if (x.precedes(d)) {
                    byteAgrees(d, x, shard, byteIndexOf(d, x, shard));
                }
            }
        }
    }

    private boolean byteAgrees(BlockNode b, BlockNode covered, int shard, int index) {
        Optional<List<byte[]>> txs = store.txsWithRefs(covered, shard);
        if (txs.isEmpty()) {
            return true;
        }
        int expected = PrevTxhashes.byteFor(b.block().header().feesTo(), txs.get());
        if (b.block().prevTxhashes().getUnsigned(index) == expected) {
            return true;
        }
        LOG.warn("{} has a wrong prev_txhashes byte for shard {} of {}", b, shard, covered);
        return false;
    }

    private static int byteIndexOf(BlockNode b, BlockNode covered, int shard) {
        int index = 0;
        for (long h : PrevTxhashes.coveredHeights(b.height())) {
            if (h == covered.height()) {
                return index + shard;
            }
            index += b.ancestor(b.height() - h).orElseThrow().block().numShards();
        }
        throw new IllegalArgumentException(covered + " is not covered by " + b);
    }
}
