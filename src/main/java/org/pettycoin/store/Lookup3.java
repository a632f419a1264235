package org.pettycoin.store;

/**
 * Bob Jenkins' lookup3 {@code hashlittle} (2006), as ccan's {@code hash_any} and {@code hash64_any}
 * call it on a little-endian machine. The C node places each peer-cache entry by this hash (C's
 * peer_cache.c peer_hash_entry), so a cache file written by one node can only be reused by another
 * that computes it exactly.
 *
 * <p>The key is read as little-endian 32-bit words, which is what all three of the C function's read
 * paths (aligned words, aligned halves, bytes) compute on a little-endian machine.
 */
public final class Lookup3 {
    /** Initial value of the three state words before length and seed are added (lookup3.c). */
    private static final int STATE_INIT = 0xdeadbeef;
    /** lookup3 consumes its key in blocks of three 32-bit words. */
    private static final int BLOCK_BYTES = 12;

    private Lookup3() {}

    /** {@code hashlittle(key, key.length, initval)}: the 32-bit "c" result. */
    public static int hashLittle(byte[] key, int initval) {
        return (int) hashLittle2(key, 0, key.length, initval);
    }

    /** {@code hashlittle} over {@code key[offset, offset+length)}. */
    public static int hashLittle(byte[] key, int offset, int length, int initval) {
        return (int) hashLittle2(key, offset, length, initval);
    }

    /**
     * ccan {@code hash64_any(key, len, base)}: folds the 64-bit base into a 32-bit seed as
     * {@code (u32)(base + (base >> 32))}, and returns the second lookup3 word in the upper half and
     * {@code hashlittle}'s result in the lower half. The peer cache keeps only the lower half.
     */
    public static long hash64Any(byte[] key, long base) {
        return hashLittle2(key, 0, key.length, (int) (base + (base >>> 32)));
    }

    /** Both lookup3 outputs: the final "b" (C's {@code *val2}) high, "c" low. */
    private static long hashLittle2(byte[] key, int offset, int length, int initval) {
        if (offset < 0 || length < 0 || offset + length > key.length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside " + key.length);
        }
        int a = STATE_INIT + length + initval;
        int b = a;
        int c = a;
        if (length == 0) {
            // Zero-length keys need no mixing, and C leaves *val2 as the seed.
            return pack(initval, c);
        }
        int k = offset;
        int left = length;
        while (left > BLOCK_BYTES) {
            a += le32(key, k, 4);
            b += le32(key, k + 4, 4);
            c += le32(key, k + 8, 4);
            // mix(a,b,c)
            a -= c;
            a ^= Integer.rotateLeft(c, 4);
            c += b;
            b -= a;
            b ^= Integer.rotateLeft(a, 6);
            a += c;
            c -= b;
            c ^= Integer.rotateLeft(b, 8);
            b += a;
            a -= c;
            a ^= Integer.rotateLeft(c, 16);
            c += b;
            b -= a;
            b ^= Integer.rotateLeft(a, 19);
            a += c;
            c -= b;
            c ^= Integer.rotateLeft(b, 4);
            b += a;
            k += BLOCK_BYTES;
            left -= BLOCK_BYTES;
        }
        // The last 1..12 bytes, zero-padded, as the byte-at-a-time case does.
        a += le32(key, k, Math.min(left, 4));
        b += le32(key, k + 4, Math.max(0, Math.min(left - 4, 4)));
        c += le32(key, k + 8, Math.max(0, left - 8));
        // final(a,b,c)
        c ^= b;
        c -= Integer.rotateLeft(b, 14);
        a ^= c;
        a -= Integer.rotateLeft(c, 11);
        b ^= a;
        b -= Integer.rotateLeft(a, 25);
        c ^= b;
        c -= Integer.rotateLeft(b, 16);
        a ^= c;
        a -= Integer.rotateLeft(c, 4);
        b ^= a;
        b -= Integer.rotateLeft(a, 14);
        c ^= b;
        c -= Integer.rotateLeft(b, 24);
        return pack(b, c);
    }

    /** The first {@code n} (0..4) bytes at {@code off} as a little-endian word, missing bytes zero. */
    private static int le32(byte[] key, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v |= (key[off + i] & 0xff) << (8 * i);
        }
        return v;
    }

    private static long pack(int high, int low) {
        return (long) high << 32 | (low & 0xffffffffL);
    }
}
