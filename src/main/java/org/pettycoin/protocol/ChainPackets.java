package org.pettycoin.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Bodies of the packets that sync the block tree: GET_CHILDREN / CHILDREN, GET_BLOCK / BLOCK,
 * GET_SHARD / SHARD and GET_TXMAP / TXMAP. Rules that need the block (SHARD's entry count, TXMAP's
 * bitmap length) are the receiver's; here only what C checks before looking the block up, or what
 * holds whatever the block is.
 */
final class ChainPackets {
    private ChainPackets() {}

    static void addWriters(BodyWriters writers) {
        writers.add(GetChildrenPacket.class, (p, w) -> w.bytes(p.block()))
                .add(ChildrenPacket.class, (p, w) -> {
                    w.bytes(p.block()).u32(ErrorCode.NONE.code());
                    p.children().forEach(c -> StructCodec.encodeChildBlock(c, w));
                })
                .add(ChildrenUnknownPacket.class, (p, w) -> w.bytes(p.block()).u32(ErrorCode.UNKNOWN_BLOCK.code()))
                .add(GetBlockPacket.class, (p, w) -> w.bytes(p.block()))
                .add(BlockPacket.class, (p, w) -> {
                    w.u32(ErrorCode.NONE.code());
                    BlockCodec.encode(p.block(), w);
                })
                .add(
                        BlockUnknownPacket.class,
                        (p, w) -> w.u32(ErrorCode.UNKNOWN_BLOCK.code()).bytes(p.block()))
                .add(
                        GetShardPacket.class,
                        (p, w) -> w.bytes(p.block()).u16(p.shard()).u16(p.unused()))
                .add(ShardPacket.class, (p, w) -> {
                    w.bytes(p.block()).u16(p.shard()).u16(ErrorCode.NONE.code());
                    p.hashes().forEach(h -> StructCodec.encodeTxRefHash(h, w));
                })
                .add(
                        ShardErrorPacket.class,
                        (p, w) -> w.bytes(p.block()).u16(p.shard()).u16(p.err()))
                .add(
                        GetTxMapPacket.class,
                        (p, w) -> w.bytes(p.block()).u16(p.shard()).u16(p.unused()))
                .add(
                        TxMapPacket.class,
                        (p, w) -> w.bytes(p.block()).u16(p.shard()).u16(p.err()).bytes(p.bitmap()));
    }

    /**
     * err 0: whole childblocks follow. Any other err: nothing may follow (INVALID_LEN), and only then
     * must it be UNKNOWN_BLOCK (else UNKNOWN_COMMAND), in sync.c's order.
     */
    static Packet children(ByteReader body) throws ProtocolException {
        Hash256 block = body.hash();
        long err = body.u32();
        if (err != ErrorCode.NONE.code()) {
            body.expectEnd("CHILDREN with err " + err);
            if (err != ErrorCode.UNKNOWN_BLOCK.code()) {
                throw new ProtocolException(ErrorCode.UNKNOWN_COMMAND, "CHILDREN with err " + err);
            }
            return new ChildrenUnknownPacket(block);
        }
        if (body.remaining() % ChildBlock.LENGTH != 0) {
            throw new ProtocolException(
                    ErrorCode.INVALID_LEN,
                    "CHILDREN has " + body.remaining() + " bytes of childblocks, not a multiple of 64");
        }
        List<ChildBlock> children = new ArrayList<>(body.remaining() / ChildBlock.LENGTH);
        while (body.hasRemaining()) {
            children.add(StructCodec.decodeChildBlock(body));
        }
        return new ChildrenPacket(block, children);
    }

    /** err 0: one block filling the rest, with the block's own ecodes. err 12: an id. Else UNKNOWN_ERRCODE. */
    static Packet block(ByteReader body) throws ProtocolException {
        long err = body.u32();
        if (err == ErrorCode.NONE.code()) {
            return new BlockPacket(BlockCodec.decode(body));
        }
        if (err != ErrorCode.UNKNOWN_BLOCK.code()) {
            throw new ProtocolException(ErrorCode.UNKNOWN_ERRCODE, "BLOCK with err " + err);
        }
        return new BlockUnknownPacket(body.hash());
    }

    /**
     * err 0: whole txrefhashes. Else exactly the header. The err value itself is kept: C judges it
     * only after finding the block.
     */
    static Packet shard(ByteReader body) throws ProtocolException {
        Hash256 block = body.hash();
        int shard = body.u16();
        int err = body.u16();
        if (err != ErrorCode.NONE.code()) {
            body.expectEnd("SHARD with err " + err);
            return new ShardErrorPacket(block, shard, err);
        }
        if (body.remaining() % TxRefHash.LENGTH != 0) {
            throw new ProtocolException(
                    ErrorCode.INVALID_LEN, "SHARD has " + body.remaining() + " bytes of hashes, not a multiple of 64");
        }
        List<TxRefHash> hashes = new ArrayList<>(body.remaining() / TxRefHash.LENGTH);
        while (body.hasRemaining()) {
            hashes.add(StructCodec.decodeTxRefHash(body));
        }
        return new ShardPacket(block, shard, hashes);
    }

    /** The bitmap is the rest, whatever err says: C ignores err and sends it uninitialised. */
    static TxMapPacket txMap(ByteReader body) throws ProtocolException {
        return new TxMapPacket(body.hash(), body.u16(), body.u16(), body.byteString(body.remaining()));
    }

    static GetShardPacket getShard(ByteReader body) throws ProtocolException {
        return new GetShardPacket(body.hash(), body.u16(), body.u16());
    }

    static GetTxMapPacket getTxMap(ByteReader body) throws ProtocolException {
        return new GetTxMapPacket(body.hash(), body.u16(), body.u16());
    }
}
