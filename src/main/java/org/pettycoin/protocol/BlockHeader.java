package org.pettycoin.protocol;

import java.util.List;

/**
 * {@code protocol_block_header}, 684 bytes (C's protocol.h). The version byte is always 1 (nothing else
 * decodes). {@code prevs} holds the 20 ids at distances 1, 2, 4, … 2^19; {@code prevs.get(0)} is the
 * parent.
 */
public record BlockHeader(
        int featuresVote,
        int shardOrder,
        Bytes nonce2,
        long numPrevTxhashes,
        long height,
        Address feesTo,
        List<Hash256> prevs) {
    public static final int LENGTH = 684;
    public static final int NONCE2_LENGTH = 13;

    public BlockHeader {
        Unsigned.requireU8(featuresVote, "features_vote");
        Unsigned.requireU8(shardOrder, "shard_order");
        if (nonce2.size() != NONCE2_LENGTH) {
            throw new IllegalArgumentException("nonce2 must be 13 bytes, got " + nonce2.size());
        }
        Unsigned.requireU32(numPrevTxhashes, "num_prev_txhashes");
        Unsigned.requireU32(height, "height");
        prevs = List.copyOf(prevs);
        if (prevs.size() != Protocol.NUM_PREV_IDS) {
            throw new IllegalArgumentException("prevs must have 20 entries, got " + prevs.size());
        }
    }

    /** The parent's id ({@code prevs[0]}). */
    public Hash256 parent() {
        return prevs.get(0);
    }

    public int numShards() {
        return 1 << shardOrder;
    }
}
