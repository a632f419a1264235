package org.pettycoin.protocol;

/**
 * A 33-byte compressed secp256k1 public key as it sits on the wire. Not validated here: a key that
 * is not on the curve simply fails signature verification (C's signature.c check_tx_sign).
 */
public final class PublicKey extends FixedBytes {
    public static final int LENGTH = 33;

    private PublicKey(byte[] bytes) {
        super(bytes, LENGTH);
    }

    public static PublicKey of(byte[] bytes) {
        return new PublicKey(bytes);
    }

    public static PublicKey fromHex(String hex) {
        return new PublicKey(Hex.decode(hex, LENGTH));
    }
}
