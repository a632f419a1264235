package org.pettycoin.protocol;

/** {@code protocol_position} (36 bytes): a tx slot, block id + shard + txoff (C's protocol.h). */
public record Position(Hash256 block, int shard, int txoff, int unused) {
    public static final int LENGTH = 36;

    public Position {
        Unsigned.requireU16(shard, "shard");
        Unsigned.requireU8(txoff, "txoff");
        Unsigned.requireU8(unused, "unused");
    }

    public Position(Hash256 block, int shard, int txoff) {
        this(block, shard, txoff, 0);
    }
}
