package org.pettycoin.protocol;

/**
 * PKT_SHARD (10) with a non-zero le16 {@code err}: UNKNOWN_BLOCK or UNKNOWN_SHARD from a C node. Any
 * other value is kept: C rejects it (UNKNOWN_ERRCODE) only after looking the block up.
 */
public record ShardErrorPacket(Hash256 block, int shard, int err) implements Packet {
    public ShardErrorPacket {
        Unsigned.requireU16(shard, "shard");
        Unsigned.requireU16(err, "err");
        if (err == 0) {
            throw new IllegalArgumentException("a shard error needs a non-zero err");
        }
    }

    public ShardErrorPacket(Hash256 block, int shard, ErrorCode err) {
        this(block, shard, err.code());
    }

    @Override
    public PacketType type() {
        return PacketType.SHARD;
    }
}
