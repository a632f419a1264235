package org.pettycoin.protocol;

import java.util.List;

/** TX_FROM_GATEWAY: a gateway injects bitcoin-backed funds to one or more outputs (C's protocol.h). */
public record FromGatewayTx(
        boolean paysFee,
        int features,
        PublicKey gatewayKey,
        int unused,
        Signature signature,
        List<GatewayPayment> outputs)
        implements Tx {
    public static final int FIXED_LENGTH = 104;
    public static final int SIGNATURE_OFFSET = 40;

    public FromGatewayTx {
        Unsigned.requireU8(features, "features");
        Unsigned.requireU16(unused, "unused");
        outputs = List.copyOf(outputs);
        Unsigned.requireU16(outputs.size(), "num_outputs");
    }

    @Override
    public TxType type() {
        return TxType.FROM_GATEWAY;
    }

    @Override
    public PublicKey signingKey() {
        return gatewayKey;
    }

    @Override
    public List<Input> inputs() {
        return List.of();
    }

    @Override
    public FromGatewayTx withSignature(Signature sig) {
        return new FromGatewayTx(paysFee, features, gatewayKey, unused, sig, outputs);
    }
}
