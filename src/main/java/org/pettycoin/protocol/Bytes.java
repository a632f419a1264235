package org.pettycoin.protocol;

import java.util.Arrays;

/** An immutable byte string of any length (nonce2, num_txs, prev_txhashes, opaque blobs, bitmaps). */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code bytes}. */
    public static Bytes of(byte... bytes) {
        return new Bytes(bytes.clone());
    }

    public static Bytes fromHex(String hex) {
        return new Bytes(Hex.decode(hex));
    }

    public int size() {
        return bytes.length;
    }

    public byte get(int index) {
        return bytes[index];
    }

    public int getUnsigned(int index) {
        return bytes[index] & 0xff;
    }

    /**
     * Bit {@code index} of a bitmap numbered LSB-first: mask {@code 1 << (index % 8)} of byte
     * {@code index / 8}, as C reads welcome interests and TXMAP bitmaps.
     */
    public boolean testBit(int index) {
        return (bytes[index / 8] & 1 << (index % 8)) != 0;
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    public void copyTo(byte[] dest, int offset) {
        System.arraycopy(bytes, 0, dest, offset, bytes.length);
    }

    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
