package org.pettycoin.protocol;

/** PKT_TX (12) with {@code err = 0}: a pending tx (no refs), as an answer to GET_TX or relayed. */
public record TxPacket(Tx tx) implements Packet {
    @Override
    public PacketType type() {
        return PacketType.TX;
    }
}
