package org.pettycoin.protocol;

/** PKT_TX (12) with {@code err = UNKNOWN_TX}: the sender does not know the tx it was asked for. */
public record TxUnknownPacket(Hash256 txid) implements Packet {
    @Override
    public PacketType type() {
        return PacketType.TX;
    }
}
