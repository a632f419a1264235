package org.pettycoin.protocol;

/** PKT_GET_CHILDREN (5): asks for a block's direct children. C also sends it as its keep-alive. */
public record GetChildrenPacket(Hash256 block) implements Packet {
    @Override
    public PacketType type() {
        return PacketType.GET_CHILDREN;
    }
}
