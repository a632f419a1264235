package org.pettycoin.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * Bitcoin's base58, with the C node's decoding: value-based, so leading '1's add nothing and a
 * payload is recovered by left-padding the number to the expected length (C's base58.c raw_decode_base58).
 */
public final class Base58 {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    /** First 4 bytes of SHA256d(payload) are appended as the checksum. */
    public static final int CHECKSUM_LENGTH = 4;
    /** Longer inputs than any key or address are refused before any arithmetic. */
    private static final int MAX_INPUT_CHARS = 128;

    private Base58() {}

    /** The number as base58, then one '1' per leading zero byte. */
    public static String encode(byte[] data) {
        StringBuilder sb = new StringBuilder();
        BigInteger n = new BigInteger(1, data);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < data.length && data[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }

    /** {@code payload ‖ SHA256d(payload)[0..4)}, base58. */
    public static String encodeChecked(byte[] payload) {
        byte[] all = Arrays.copyOf(payload, payload.length + CHECKSUM_LENGTH);
        System.arraycopy(checksum(payload, payload.length), 0, all, payload.length, CHECKSUM_LENGTH);
        return encode(all);
    }

    /** The number a base58 string denotes; empty if a character is outside the alphabet. */
    public static Optional<BigInteger> decodeNumber(String s) {
        if (s.length() > MAX_INPUT_CHARS) {
            return Optional.empty();
        }
        BigInteger n = BigInteger.ZERO;
        for (int i = 0; i < s.length(); i++) {
            int digit = ALPHABET.indexOf(s.charAt(i));
            if (digit < 0) {
                return Optional.empty();
            }
            n = n.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        return Optional.of(n);
    }

    /** Minimal big-endian bytes of a non-negative number (BN_bn2bin: zero has none). */
    static byte[] unsignedBytes(BigInteger n) {
        byte[] b = n.toByteArray();
        int skip = 0;
        while (skip < b.length && b[skip] == 0) {
            skip++;
        }
        return Arrays.copyOfRange(b, skip, b.length);
    }

    /** {@code number} left-padded to {@code length} bytes; empty if it needs more. */
    static Optional<byte[]> leftPad(BigInteger number, int length) {
        byte[] b = unsignedBytes(number);
        if (b.length > length) {
            return Optional.empty();
        }
        byte[] out = new byte[length];
        System.arraycopy(b, 0, out, length - b.length, b.length);
        return Optional.of(out);
    }

    /** Whether the last 4 bytes of {@code buf} are the checksum of the rest. */
    static boolean checksumOk(byte[] buf) {
        int body = buf.length - CHECKSUM_LENGTH;
        return Arrays.equals(checksum(buf, body), 0, CHECKSUM_LENGTH, buf, body, buf.length);
    }

    private static byte[] checksum(byte[] buf, int length) {
        return Sha256.doubleSha256(Arrays.copyOf(buf, length)).toByteArray();
    }
}
