package org.pettycoin.protocol;

import java.util.List;

/**
 * A pettycoin transaction, one of the four wire layouts of C's protocol.h. Instances hold exactly the
 * fields on the wire (version is always 1: anything else does not decode), so re-encoding a decoded
 * tx gives back its bytes.
 */
public sealed interface Tx permits TransferTx, FromGatewayTx, ClaimTx {
    TxType type();

    /** Bit 7 of the type byte: the tx pays {@link Protocol#fee}. */
    boolean paysFee();

    /** The {@code features} byte: copied by creators, never validated, but hashed and signed. */
    int features();

    Signature signature();

    /** The key whose signature the tx carries: {@code input_key}, or {@code gateway_key}. */
    PublicKey signingKey();

    /** Inputs spent: NORMAL/TO_GATEWAY their list, CLAIM its one input, FROM_GATEWAY none. */
    List<Input> inputs();

    /** The same tx with another signature (signing fills this in last). */
    Tx withSignature(Signature signature);

    /** The type byte on the wire: kind | 0x80 if it pays a fee. */
    default int typeByte() {
        return type().code() | (paysFee() ? Protocol.FEE_TYPE : 0);
    }
}
