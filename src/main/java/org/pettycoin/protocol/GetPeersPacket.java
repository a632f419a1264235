package org.pettycoin.protocol;

/** PKT_GET_PEERS (19): asks for the sender's peer cache. No body. */
public record GetPeersPacket() implements Packet {
    @Override
    public PacketType type() {
        return PacketType.GET_PEERS;
    }
}
