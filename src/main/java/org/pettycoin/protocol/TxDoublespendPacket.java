package org.pettycoin.protocol;

/**
 * PKT_TX_DOUBLESPEND (23): input {@code input1} of {@code tx1} and input {@code input2} of {@code tx2}
 * spend the same output. (C hangs up with BAD_INPUT after every one it accepts: docs/c-differences.md #24.)
 */
public record TxDoublespendPacket(long input1, long input2, Tx tx1, Tx tx2) implements Packet {
    public TxDoublespendPacket {
        Unsigned.requireU32(input1, "input1");
        Unsigned.requireU32(input2, "input2");
    }

    @Override
    public PacketType type() {
        return PacketType.TX_DOUBLESPEND;
    }
}
