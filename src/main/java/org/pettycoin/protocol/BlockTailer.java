package org.pettycoin.protocol;

/** {@code protocol_block_tailer}, 12 bytes: what the miner varies (C's protocol.h). */
public record BlockTailer(long timestamp, long difficulty, long nonce1) {
    public static final int LENGTH = 12;

    public BlockTailer {
        Unsigned.requireU32(timestamp, "timestamp");
        Unsigned.requireU32(difficulty, "difficulty");
        Unsigned.requireU32(nonce1, "nonce1");
    }
}
