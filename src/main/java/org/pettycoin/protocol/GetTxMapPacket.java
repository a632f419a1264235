package org.pettycoin.protocol;

/**
 * PKT_GET_TXMAP (16): which txs of this shard touch shards I want. The C sender never initialises
 * {@code unused}, so it can be anything; it is kept as received and written as 0 by us.
 */
public record GetTxMapPacket(Hash256 block, int shard, int unused) implements Packet {
    public GetTxMapPacket {
        Unsigned.requireU16(shard, "shard");
        Unsigned.requireU16(unused, "unused");
    }

    public GetTxMapPacket(Hash256 block, int shard) {
        this(block, shard, 0);
    }

    @Override
    public PacketType type() {
        return PacketType.GET_TXMAP;
    }
}
