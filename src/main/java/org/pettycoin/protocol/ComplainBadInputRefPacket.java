package org.pettycoin.protocol;

/**
 * PKT_COMPLAIN_BAD_INPUT_REF (28): ref {@code inputNum} of a tx in a block points at {@code input},
 * which is not the tx that input spends.
 */
public record ComplainBadInputRefPacket(long inputNum, TxWithProof proven, TxWithProof input)
        implements ComplaintPacket {
    public ComplainBadInputRefPacket {
        Unsigned.requireU32(inputNum, "inputnum");
    }

    @Override
    public PacketType type() {
        return PacketType.COMPLAIN_BAD_INPUT_REF;
    }
}
