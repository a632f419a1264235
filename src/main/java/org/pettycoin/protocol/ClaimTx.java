package org.pettycoin.protocol;

import java.util.List;

/** TX_CLAIM: claims a block fee reward, naming the reward tx in its single {@code input} (C's protocol.h). */
public record ClaimTx(boolean paysFee, int features, PublicKey inputKey, long amount, Input input, Signature signature)
        implements Tx {
    public static final int LENGTH = 140;
    public static final int SIGNATURE_OFFSET = 76;

    public ClaimTx {
        Unsigned.requireU8(features, "features");
        Unsigned.requireU32(amount, "amount");
    }

    @Override
    public TxType type() {
        return TxType.CLAIM;
    }

    @Override
    public PublicKey signingKey() {
        return inputKey;
    }

    @Override
    public List<Input> inputs() {
        return List.of(input);
    }

    @Override
    public ClaimTx withSignature(Signature sig) {
        return new ClaimTx(paysFee, features, inputKey, amount, input, sig);
    }
}
