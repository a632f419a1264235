package org.pettycoin.protocol;

/**
 * PKT_PIGGYBACK (31): notifications for a filtered peer, in sub-records whose encoding the C code
 * never pinned down (C's protocol_net.h). C accepts and ignores any; so do we, keeping the body opaque.
 */
public record PiggybackPacket(Bytes body) implements Packet {
    @Override
    public PacketType type() {
        return PacketType.PIGGYBACK;
    }
}
