package org.pettycoin.protocol;

import java.util.List;

/**
 * A marshalled block (C's marshal.c): header, {@code num_txs} per shard, a merkle root per shard, the
 * {@code prev_txhashes} bytes and the tailer. Whether it is valid is for {@code consensus}; this only
 * guarantees the parts have consistent sizes, as unmarshalling does.
 */
public record Block(BlockHeader header, Bytes numTxs, List<Hash256> merkles, Bytes prevTxhashes, BlockTailer tailer) {
    public Block {
        merkles = List.copyOf(merkles);
        int shards = header.numShards();
        if (numTxs.size() != shards || merkles.size() != shards) {
            throw new IllegalArgumentException("a block of " + shards + " shards needs as many num_txs ("
                    + numTxs.size() + ") and merkles (" + merkles.size() + ")");
        }
        if (prevTxhashes.size() != header.numPrevTxhashes()) {
            throw new IllegalArgumentException(
                    "num_prev_txhashes " + header.numPrevTxhashes() + " but " + prevTxhashes.size() + " bytes");
        }
    }

    public long height() {
        return header.height();
    }

    public int numShards() {
        return header.numShards();
    }

    /** Transactions in {@code shard} (0..255). */
    public int numTxs(int shard) {
        return numTxs.getUnsigned(shard);
    }

    /** Transactions in all shards. */
    public int totalTxs() {
        int total = 0;
        for (int i = 0; i < numTxs.size(); i++) {
            total += numTxs.getUnsigned(i);
        }
        return total;
    }
}
