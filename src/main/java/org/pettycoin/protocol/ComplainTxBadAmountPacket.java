package org.pettycoin.protocol;

import java.util.List;

/** PKT_COMPLAIN_TX_BAD_AMOUNT (29): a tx in a block whose inputs, given one per input in order, do not add up. */
public record ComplainTxBadAmountPacket(TxWithProof proven, List<Tx> inputs) implements ComplaintPacket {
    public ComplainTxBadAmountPacket {
        inputs = TxBadAmountPacket.onePerInput(proven.tx(), inputs);
    }

    @Override
    public PacketType type() {
        return PacketType.COMPLAIN_TX_BAD_AMOUNT;
    }
}
