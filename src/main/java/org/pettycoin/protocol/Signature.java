package org.pettycoin.protocol;

/** A raw 64-byte ECDSA signature: r (32, big-endian) then s (32, big-endian); not DER (C's signature.c). */
public final class Signature extends FixedBytes {
    public static final int LENGTH = 64;
    public static final Signature ZERO = new Signature(new byte[LENGTH]);

    private Signature(byte[] bytes) {
        super(bytes, LENGTH);
    }

    public static Signature of(byte[] bytes) {
        return new Signature(bytes);
    }

    public static Signature fromHex(String hex) {
        return new Signature(Hex.decode(hex, LENGTH));
    }

    /** The even-S rule: pettycoin rejects a signature whose s is odd (C's signature.c check_tx_sign). */
    public boolean hasEvenS() {
        return (get(63) & 1) == 0;
    }
}
