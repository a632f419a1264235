package org.pettycoin.chain;

import java.util.ArrayList;
import java.util.List;
import org.pettycoin.crypto.Sha256;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Protocol;

/**
 * {@code prev_txhashes}: one byte per shard of up to 10 earlier blocks, proving the miner knew their
 * contents (C's prev_txhashes.c; checked by check_block.c check_prev_txhashes).
 */
public final class PrevTxhashes {
    private PrevTxhashes() {}

    /**
     * Heights of the blocks a block at {@code height} covers, in order: H−1, H−2, H−4 … H−512, stopping
     * before genesis would be passed (genesis itself is included when reached).
     */
    public static List<Long> coveredHeights(long height) {
        List<Long> heights = new ArrayList<>(Protocol.PREV_BLOCK_TXHASHES);
        for (int i = 0; i < Protocol.PREV_BLOCK_TXHASHES; i++) {
            long h = height - (1L << i);
            if (h < 0) {
                break;
            }
            heights.add(h);
        }
        return heights;
    }

    /**
     * How many bytes a block at {@code height} must carry when every block has {@code numShards}
     * shards (always 4 on today's chain): one per shard of each covered block.
     */
    public static long expectedCount(long height, int numShards) {
        return (long) coveredHeights(height).size() * numShards;
    }

    /** How many bytes a child of {@code parent} must carry: the shards of every block it covers. */
    public static long expectedCountForChildOf(BlockNode parent) {
        long total = 0;
        for (long h : coveredHeights(parent.height() + 1)) {
            total += parent.ancestor(parent.height() - h).orElseThrow().block().numShards();
        }
        return total;
    }

    /**
     * The byte for one shard of a covered block: the first byte of
     * SHA256d(new block's fees_to ‖ each tx of the shard, in order, followed by its input refs).
     *
     * @param txsWithRefs each element is a marshalled tx immediately followed by its marshalled refs
     */
    public static int byteFor(Address feesTo, List<byte[]> txsWithRefs) {
        // Hashed part by part: a node checks up to ten of these per block, and copying a shard's
        // bytes into one array first cost more than hashing them.
        byte[][] parts = new byte[txsWithRefs.size() + 1][];
        parts[0] = feesTo.toByteArray();
        for (int i = 0; i < txsWithRefs.size(); i++) {
            parts[i + 1] = txsWithRefs.get(i);
        }
        return Sha256.doubleSha256(parts).getUnsigned(0);
    }
}
