package org.pettycoin.protocol;

/** PKT_GET_SHARD (9): asks for the txrefhashes of one shard of a block. C writes {@code unused} as 0. */
public record GetShardPacket(Hash256 block, int shard, int unused) implements Packet {
    public GetShardPacket {
        Unsigned.requireU16(shard, "shard");
        Unsigned.requireU16(unused, "unused");
    }

    public GetShardPacket(Hash256 block, int shard) {
        this(block, shard, 0);
    }

    @Override
    public PacketType type() {
        return PacketType.GET_SHARD;
    }
}
