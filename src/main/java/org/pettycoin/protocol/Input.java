package org.pettycoin.protocol;

/**
 * One spent output ({@code protocol_input}, 36 bytes): the tx id, its output number (le16) and an
 * unused le16 that creators write as 0 but that is hashed and signed, so it is kept as received.
 */
public record Input(Hash256 txid, int output, int unused) {
    public static final int LENGTH = 36;

    public Input {
        requireU16(output, "output");
        requireU16(unused, "unused");
    }

    public Input(Hash256 txid, int output) {
        this(txid, output, 0);
    }

    static void requireU16(int v, String what) {
        if (v < 0 || v > 0xffff) {
            throw new IllegalArgumentException(what + " is not a u16: " + v);
        }
    }

    static void requireU8(int v, String what) {
        if (v < 0 || v > 0xff) {
            throw new IllegalArgumentException(what + " is not a u8: " + v);
        }
    }

    static void requireU32(long v, String what) {
        if (v < 0 || v > 0xffffffffL) {
            throw new IllegalArgumentException(what + " is not a u32: " + v);
        }
    }
}
