package org.pettycoin.protocol;

/**
 * PKT_COMPLAIN_DOUBLESPEND (27): {@code tx1} (in the earlier block) and {@code tx2} spend the same
 * output through inputs {@code input1} and {@code input2}; the later block is invalid.
 */
public record ComplainDoublespendPacket(long input1, long input2, TxWithProof tx1, TxWithProof tx2)
        implements ComplaintPacket {
    public ComplainDoublespendPacket {
        Unsigned.requireU32(input1, "input1");
        Unsigned.requireU32(input2, "input2");
    }

    @Override
    public PacketType type() {
        return PacketType.COMPLAIN_DOUBLESPEND;
    }
}
