package org.pettycoin.protocol;

import java.util.List;

/**
 * PKT_TX_BAD_AMOUNT (22): pending {@code tx}'s inputs do not add up; {@code inputs} are the txs it
 * spends, one per input, in input order.
 */
public record TxBadAmountPacket(Tx tx, List<Tx> inputs) implements Packet {
    public TxBadAmountPacket {
        inputs = onePerInput(tx, inputs);
    }

    @Override
    public PacketType type() {
        return PacketType.TX_BAD_AMOUNT;
    }

    /** The wire gives no count: the input txs are as many as {@code tx} has inputs, so a value must too. */
    static List<Tx> onePerInput(Tx tx, List<Tx> inputs) {
        if (inputs.size() != tx.inputs().size()) {
            throw new IllegalArgumentException(
                    "tx has " + tx.inputs().size() + " inputs but " + inputs.size() + " input txs were given");
        }
        return List.copyOf(inputs);
    }
}
