package org.pettycoin.protocol;

/**
 * The two kinds that share the 132-byte layout plus inputs: {@link NormalTx} and {@link ToGatewayTx}
 * (C's protocol.h). {@link #destination()} is {@code output_addr} or {@code to_gateway_addr}.
 */
public sealed interface TransferTx extends Tx permits NormalTx, ToGatewayTx {
    /** Fixed part before the inputs. */
    int FIXED_LENGTH = 132;
    /** Offset of the signature field. */
    int SIGNATURE_OFFSET = 68;

    PublicKey inputKey();

    Address destination();

    long sendAmount();

    long changeAmount();

    @Override
    default PublicKey signingKey() {
        return inputKey();
    }
}
