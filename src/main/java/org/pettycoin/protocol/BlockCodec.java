package org.pettycoin.protocol;

/** Marshals blocks exactly as {@code marshal_block_into} / {@code unmarshal_block_into} (C's marshal.c). */
public final class BlockCodec {
    private static final int VERSION_OFFSET = 0;
    private static final int SHARD_ORDER_OFFSET = 2;
    private static final int NUM_PREV_TXHASHES_OFFSET = 16;

    private BlockCodec() {}

    /** Marshalled length: 696 + 33·N + P. */
    public static int length(Block b) {
        return BlockHeader.LENGTH
                + b.numShards() * (1 + Hash256.LENGTH)
                + b.prevTxhashes().size()
                + BlockTailer.LENGTH;
    }

    public static byte[] encode(Block b) {
        ByteWriter w = new ByteWriter(length(b));
        encode(b, w);
        return w.toByteArray();
    }

    public static void encode(Block b, ByteWriter w) {
        encodeHeader(b.header(), w);
        w.bytes(b.numTxs()).hashes(b.merkles()).bytes(b.prevTxhashes());
        encodeTailer(b.tailer(), w);
    }

    public static byte[] encodeHeader(BlockHeader h) {
        ByteWriter w = new ByteWriter(BlockHeader.LENGTH);
        encodeHeader(h, w);
        return w.toByteArray();
    }

    public static void encodeHeader(BlockHeader h, ByteWriter w) {
        w.u8(Protocol.VERSION)
                .u8(h.featuresVote())
                .u8(h.shardOrder())
                .bytes(h.nonce2())
                .u32(h.numPrevTxhashes())
                .u32(h.height())
                .bytes(h.feesTo())
                .hashes(h.prevs());
    }

    public static byte[] encodeTailer(BlockTailer t) {
        ByteWriter w = new ByteWriter(BlockTailer.LENGTH);
        encodeTailer(t, w);
        return w.toByteArray();
    }

    public static void encodeTailer(BlockTailer t, ByteWriter w) {
        w.u32(t.timestamp()).u32(t.difficulty()).u32(t.nonce1());
    }

    /** Decodes a block that must fill {@code bytes} exactly. */
    public static Block decode(byte[] bytes) throws ProtocolException {
        return decode(new ByteReader(bytes));
    }

    /** Decodes a block that must fill the rest of {@code r} exactly, with C's order of checks. */
    public static Block decode(ByteReader r) throws ProtocolException {
        int size = r.remaining();
        if (size < BlockHeader.LENGTH) {
            throw new ProtocolException(ErrorCode.INVALID_LEN, "block of " + size + " bytes is shorter than a header");
        }
        if (r.peekU8(VERSION_OFFSET) != Protocol.VERSION) {
            throw new ProtocolException(ErrorCode.BLOCK_HIGH_VERSION, "block version " + r.peekU8(VERSION_OFFSET));
        }
        int shardOrder = r.peekU8(SHARD_ORDER_OFFSET);
        if (shardOrder > Protocol.MAX_SHARD_ORDER) {
            throw new ProtocolException(ErrorCode.BAD_SHARD_ORDER, "shard order " + shardOrder);
        }
        long expected = BlockHeader.LENGTH
                + (1L << shardOrder) * (1 + Hash256.LENGTH)
                + r.peekU32(NUM_PREV_TXHASHES_OFFSET)
                + BlockTailer.LENGTH;
        if (size != expected) {
            throw new ProtocolException(
                    ErrorCode.INVALID_LEN, "block is " + size + " bytes, its header implies " + expected);
        }
        r.skip(1);
        int featuresVote = r.u8();
        r.skip(1);
        BlockHeader header = new BlockHeader(
                featuresVote,
                shardOrder,
                r.byteString(BlockHeader.NONCE2_LENGTH),
                r.u32(),
                r.u32(),
                r.address(),
                r.hashes(Protocol.NUM_PREV_IDS));
        int shards = header.numShards();
        Bytes numTxs = r.byteString(shards);
        var merkles = r.hashes(shards);
        Bytes prevTxhashes = r.byteString(header.numPrevTxhashes());
        BlockTailer tailer = new BlockTailer(r.u32(), r.u32(), r.u32());
        return new Block(header, numTxs, merkles, prevTxhashes, tailer);
    }
}
