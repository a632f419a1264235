package org.pettycoin.protocol;

/** Range checks for the unsigned wire fields that records hold in wider Java types. */
final class Unsigned {
    private Unsigned() {}

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
