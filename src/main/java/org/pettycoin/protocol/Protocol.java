package org.pettycoin.protocol;

/** Protocol constants shared by every part of the node (C's protocol.h, protocol_net.h). */
public final class Protocol {
    private Protocol() {}

    /** Block, transaction and welcome version; anything else is rejected (version.h). */
    public static final int VERSION = 1;
    /** Shard order of every block: 4 shards (PROTOCOL_INITIAL_SHARD_ORDER). */
    public static final int INITIAL_SHARD_ORDER = 2;
    /** Largest shard order that parses (PROTOCOL_MAX_SHARD_ORDER). */
    public static final int MAX_SHARD_ORDER = 16;
    /** Entries in a header's {@code prevs[]} (PROTOCOL_NUM_PREV_IDS). */
    public static final int NUM_PREV_IDS = 20;
    /** Earlier blocks covered by {@code prev_txhashes} (PROTOCOL_PREV_BLOCK_TXHASHES). */
    public static final int PREV_BLOCK_TXHASHES = 10;
    /** Most inputs of a normal or to-gateway transaction (PROTOCOL_TX_MAX_INPUTS). */
    public static final int TX_MAX_INPUTS = 4;
    /** Largest single amount: 0x80000000 / TX_MAX_INPUTS (PROTOCOL_MAX_SATOSHI). */
    public static final long MAX_SATOSHI = 0x80000000L / TX_MAX_INPUTS;
    /** Bit of a tx's type byte meaning "pays a fee" (PROTOCOL_FEE_TYPE). */
    public static final int FEE_TYPE = 0x80;
    /** Largest packet (and blockfile record), including its 8-byte header (PROTOCOL_MAX_PACKET_LEN). */
    public static final int MAX_PACKET_LEN = 4 * 1024 * 1024;
    /** Size of a packet header: le32 len, le32 type. */
    public static final int PACKET_HEADER_LEN = 8;
    /** Merkle tree leaves per shard: num_txs is a u8, the tree always has 256 slots (C's merkle_hashes.c). */
    public static final int MERKLE_LEAVES = 256;
    /** Levels of a shard merkle tree, and sibling hashes in a proof. */
    public static final int MERKLE_DEPTH = 8;
    /**
     * The merkle root of a shard with no transactions: {@value #MERKLE_DEPTH} levels of SHA256d over
     * zero leaves, as in every genesis block. A constant of the protocol, so the block tree (which
     * holds the genesis) needs no merkle code; {@code consensus.MerkleTree} derives the same value.
     */
    public static final Hash256 EMPTY_SHARD_ROOT =
            Hash256.fromHex("6d07571dee2e35e1378bc43a8e1388d2fef6b3021cc9924b885d53b2ce390ea8");
    /** Bits in the welcome packet's interests bitmap: one per 16-bit shard number. */
    public static final int INTEREST_BITS = 65536;

    /** Fee on {@code amount} when the fee bit is set: x*3/1024 + 1 in u32 arithmetic (PROTOCOL_FEE). */
    public static long fee(long amount) {
        return ((amount * 3) & 0xffffffffL) / 1024 + 1;
    }
}
