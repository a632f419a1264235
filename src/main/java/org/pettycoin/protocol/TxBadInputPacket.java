package org.pettycoin.protocol;

/** PKT_TX_BAD_INPUT (21): input {@code inputNum} of pending {@code tx} is bad; {@code input} is the tx it spends. */
public record TxBadInputPacket(long inputNum, Tx tx, Tx input) implements Packet {
    public TxBadInputPacket {
        Unsigned.requireU32(inputNum, "inputnum");
    }

    @Override
    public PacketType type() {
        return PacketType.TX_BAD_INPUT;
    }
}
