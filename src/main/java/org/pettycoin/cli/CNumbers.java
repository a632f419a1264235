package org.pettycoin.cli;

/** Numbers given on command lines, read like C's {@code strtoul(s, NULL, 0)} but strictly. */
final class CNumbers {
    private CNumbers() {}

    /**
     * A u32 in decimal, hex ({@code 0x…}) or octal (leading {@code 0}), as the C tools accept;
     * unlike strtoul, trailing garbage and out-of-range values are errors.
     */
    static long parseU32(String s, String what) {
        String t = s.trim();
        int radix = 10;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            radix = 8;
            t = t.substring(1);
        }
        try {
            long v = Long.parseLong(t, radix);
            if (v >= 0 && v <= 0xffffffffL && !t.startsWith("-") && !t.startsWith("+")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new UserError(what + " must be a number from 0 to 4294967295 (decimal, 0x hex or 0 octal): '" + s + "'");
    }
}
