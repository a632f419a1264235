package org.pettycoin.protocol;

/** A 32-byte double-SHA-256 value: block ids, tx ids, merkle nodes, refhashes. */
public final class Hash256 extends FixedBytes {
    public static final int LENGTH = 32;
    public static final Hash256 ZERO = new Hash256(new byte[LENGTH]);

    private Hash256(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** Copies {@code bytes}, which must be 32 long. */
    public static Hash256 of(byte[] bytes) {
        return new Hash256(bytes);
    }

    public static Hash256 fromHex(String hex) {
        return new Hash256(Hex.decode(hex, LENGTH));
    }
}
