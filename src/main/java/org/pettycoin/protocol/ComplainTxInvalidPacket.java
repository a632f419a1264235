package org.pettycoin.protocol;

/**
 * PKT_COMPLAIN_TX_INVALID (25): a block holds a tx that does not unmarshal or fails {@code check_tx}
 * with ecode {@code error}. The tx and its refs travel as opaque blobs, since the tx may not parse;
 * the wire's {@code txlen} is {@code tx.size()}. (C never sends this and would leave txlen unset.)
 */
public record ComplainTxInvalidPacket(long error, Proof proof, Bytes tx, Bytes refs) implements ComplaintPacket {
    public ComplainTxInvalidPacket {
        Unsigned.requireU32(error, "error");
    }

    @Override
    public PacketType type() {
        return PacketType.COMPLAIN_TX_INVALID;
    }
}
