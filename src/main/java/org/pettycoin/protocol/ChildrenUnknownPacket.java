package org.pettycoin.protocol;

/** PKT_CHILDREN (6) with {@code err = UNKNOWN_BLOCK}: the sender does not know {@code block}. */
public record ChildrenUnknownPacket(Hash256 block) implements Packet {
    @Override
    public PacketType type() {
        return PacketType.CHILDREN;
    }
}
