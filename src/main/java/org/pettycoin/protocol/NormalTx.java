package org.pettycoin.protocol;

import java.util.List;

/** TX_NORMAL: pays {@code sendAmount} to {@code outputAddr}, change back to the input key's address. */
public record NormalTx(
        boolean paysFee,
        int features,
        PublicKey inputKey,
        Address outputAddr,
        long sendAmount,
        long changeAmount,
        Signature signature,
        List<Input> inputs)
        implements TransferTx {
    public NormalTx {
        Unsigned.requireU8(features, "features");
        Unsigned.requireU32(sendAmount, "send_amount");
        Unsigned.requireU32(changeAmount, "change_amount");
        inputs = List.copyOf(inputs);
    }

    @Override
    public TxType type() {
        return TxType.NORMAL;
    }

    @Override
    public Address destination() {
        return outputAddr;
    }

    @Override
    public NormalTx withSignature(Signature sig) {
        return new NormalTx(paysFee, features, inputKey, outputAddr, sendAmount, changeAmount, sig, inputs);
    }
}
