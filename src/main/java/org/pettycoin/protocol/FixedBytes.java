package org.pettycoin.protocol;

import java.util.Arrays;

/**
 * An immutable byte string of a length fixed by its subclass (hashes, addresses, keys, signatures).
 *
 * <p>Equality is by content; ordering is unsigned byte-wise ({@code memcmp}), which is the order the
 * C node uses whenever it sorts ids.
 */
public abstract class FixedBytes implements Comparable<FixedBytes> {
    private final byte[] bytes;

    protected FixedBytes(byte[] bytes, int length) {
        if (bytes.length != length) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName() + " needs " + length + " bytes, got " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /** A copy of the bytes. */
    public final byte[] toByteArray() {
        return bytes.clone();
    }

    public final int length() {
        return bytes.length;
    }

    public final byte get(int index) {
        return bytes[index];
    }

    /** Unsigned value of byte {@code index}. */
    public final int getUnsigned(int index) {
        return bytes[index] & 0xff;
    }

    public final void copyTo(byte[] dest, int offset) {
        System.arraycopy(bytes, 0, dest, offset, bytes.length);
    }

    public final boolean isZero() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Lowercase hex, byte 0 first (no bitcoin-style reversal anywhere in pettycoin). */
    public final String hex() {
        return Hex.encode(bytes);
    }

    // Exact class on purpose: a Hash256 and an Address are never equal, whatever their bytes.
    @SuppressWarnings("EqualsGetClass")
    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(bytes, ((FixedBytes) o).bytes);
    }

    @Override
    public final int hashCode() {
        // Hashes are uniformly distributed; four bytes are plenty and cheap.
        if (bytes.length >= 4) {
            return (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8 | (bytes[2] & 0xff) << 16 | bytes[3] << 24;
        }
        return Arrays.hashCode(bytes);
    }

    @Override
    public final int compareTo(FixedBytes o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
