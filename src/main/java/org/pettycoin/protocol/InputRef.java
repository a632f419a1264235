package org.pettycoin.protocol;

/**
 * Where an input's tx sits ({@code protocol_input_ref}, 8 bytes): {@code blocksAgo} steps back from
 * the containing block, then shard and txoff. Only inside blocks; never part of the txid (C's hash_tx.c).
 */
public record InputRef(long blocksAgo, int shard, int txoff, int unused) {
    public static final int LENGTH = 8;

    public InputRef {
        Unsigned.requireU32(blocksAgo, "blocks_ago");
        Unsigned.requireU16(shard, "shard");
        Unsigned.requireU8(txoff, "txoff");
        Unsigned.requireU8(unused, "unused");
    }

    public InputRef(long blocksAgo, int shard, int txoff) {
        this(blocksAgo, shard, txoff, 0);
    }
}
