package org.pettycoin.protocol;

import java.util.List;

/**
 * PKT_SHARD (10) with {@code err = 0}: the txrefhash of every tx of one shard, in order. That there
 * is one per tx of the shard, and at least one, needs the block: the receiver checks it.
 */
public record ShardPacket(Hash256 block, int shard, List<TxRefHash> hashes) implements Packet {
    public ShardPacket {
        Unsigned.requireU16(shard, "shard");
        hashes = List.copyOf(hashes);
    }

    @Override
    public PacketType type() {
        return PacketType.SHARD;
    }
}
