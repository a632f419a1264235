package org.pettycoin.protocol;

/** PKT_BLOCK (8) with {@code err = UNKNOWN_BLOCK}: the sender does not know the block it was asked for. */
public record BlockUnknownPacket(Hash256 block) implements Packet {
    @Override
    public PacketType type() {
        return PacketType.BLOCK;
    }
}
