package org.pettycoin.protocol;

/** PKT_GET_BLOCK (7): asks for the block with this id; the answer is a BLOCK packet. */
public record GetBlockPacket(Hash256 block) implements Packet {
    @Override
    public PacketType type() {
        return PacketType.GET_BLOCK;
    }
}
