package org.pettycoin.protocol;

/** Lowercase hex encoding, byte 0 first; decoding accepts either case (C's hex.c from_hex). */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {}

    public static String encode(byte[] bytes) {
        return encode(bytes, 0, bytes.length);
    }

    public static String encode(byte[] bytes, int offset, int length) {
        char[] out = new char[length * 2];
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xff;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0xf];
        }
        return new String(out);
    }

    /** Decodes hex of any even length; throws {@link IllegalArgumentException} on bad input. */
    public static byte[] decode(CharSequence hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("hex string has odd length " + hex.length());
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (digit(hex, 2 * i) << 4 | digit(hex, 2 * i + 1));
        }
        return out;
    }

    /** Decodes hex that must encode exactly {@code length} bytes. */
    public static byte[] decode(CharSequence hex, int length) {
        if (hex.length() != 2 * length) {
            throw new IllegalArgumentException("expected " + 2 * length + " hex digits, got " + hex.length());
        }
        return decode(hex);
    }

    private static int digit(CharSequence s, int index) {
        int d = Character.digit(s.charAt(index), 16);
        if (d < 0) {
            throw new IllegalArgumentException("not a hex digit at position " + index + ": '" + s.charAt(index) + "'");
        }
        return d;
    }
}
