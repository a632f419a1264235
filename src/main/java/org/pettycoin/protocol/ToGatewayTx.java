package org.pettycoin.protocol;

import java.util.List;

/** TX_TO_GATEWAY: sends {@code sendAmount} back to bitcoin through the gateway at {@code toGatewayAddr}. */
public record ToGatewayTx(
        boolean paysFee,
        int features,
        PublicKey inputKey,
        Address toGatewayAddr,
        long sendAmount,
        long changeAmount,
        Signature signature,
        List<Input> inputs)
        implements TransferTx {
    public ToGatewayTx {
        Unsigned.requireU8(features, "features");
        Unsigned.requireU32(sendAmount, "send_amount");
        Unsigned.requireU32(changeAmount, "change_amount");
        inputs = List.copyOf(inputs);
    }

    @Override
    public TxType type() {
        return TxType.TO_GATEWAY;
    }

    @Override
    public Address destination() {
        return toGatewayAddr;
    }

    @Override
    public ToGatewayTx withSignature(Signature sig) {
        return new ToGatewayTx(paysFee, features, inputKey, toGatewayAddr, sendAmount, changeAmount, sig, inputs);
    }
}
