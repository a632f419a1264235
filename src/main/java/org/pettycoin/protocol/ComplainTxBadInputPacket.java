package org.pettycoin.protocol;

/** PKT_COMPLAIN_TX_BAD_INPUT (26): input {@code inputNum} of a tx in a block is bad; {@code input} is the tx it spends. */
public record ComplainTxBadInputPacket(long inputNum, TxWithProof proven, Tx input) implements ComplaintPacket {
    public ComplainTxBadInputPacket {
        Unsigned.requireU32(inputNum, "inputnum");
    }

    @Override
    public PacketType type() {
        return PacketType.COMPLAIN_TX_BAD_INPUT;
    }
}
