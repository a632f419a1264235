package org.pettycoin.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/** A secp256k1 private key: 32 big-endian bytes, 1 ≤ k < n. Never printed. */
public final class PrivateKey {
    public static final int LENGTH = 32;

    private final byte[] bytes;

    private PrivateKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The key with these 32 big-endian bytes.
     *
     * @throws IllegalArgumentException unless 32 bytes encoding 1 ≤ k < n
     */
    public static PrivateKey of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a private key is 32 bytes, got " + bytes.length);
        }
        BigInteger k = new BigInteger(1, bytes);
        if (k.signum() == 0 || k.compareTo(Curve.N) >= 0) {
            throw new IllegalArgumentException("private key out of range [1, n-1]");
        }
        return new PrivateKey(bytes.clone());
    }

    public static PrivateKey random(SecureRandom random) {
        byte[] b = new byte[LENGTH];
        while (true) {
            random.nextBytes(b);
            BigInteger k = new BigInteger(1, b);
            if (k.signum() != 0 && k.compareTo(Curve.N) < 0) {
                return new PrivateKey(b.clone());
            }
        }
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    BigInteger scalar() {
        return new BigInteger(1, bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrivateKey other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "PrivateKey[hidden]";
    }
}
