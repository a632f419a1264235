package org.pettycoin.chain;

import java.math.BigInteger;
import org.pettycoin.protocol.FixedBytes;

/**
 * Compact difficulty ({@code exp << 24 | mantissa}, no sign bit, unlike bitcoin), proof of work and
 * block work (C's difficulty.c / difficulty.h).
 */
public final class Difficulty {
    /** Exponent is in bytes; a target needs at least 3 (mantissa width) and at most 31. */
    private static final int MIN_EXP = 3;

    private static final int MAX_EXP_EXCLUSIVE = 32;
    /** A normalised mantissa has its top byte set. */
    private static final int MIN_MANTISSA = 0x010000;

    private static final int MANTISSA_MASK = 0xffffff;
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    private Difficulty() {}

    public static int exponent(long difficulty) {
        return (int) (difficulty >>> 24) & 0xff;
    }

    public static int mantissa(long difficulty) {
        return (int) difficulty & MANTISSA_MASK;
    }

    /** {@code valid_difficulty}: 3 ≤ exp < 32 and a normalised mantissa; else MALFORMED_DIFFICULTY. */
    public static boolean isValid(long difficulty) {
        int exp = exponent(difficulty);
        return exp >= MIN_EXP && exp < MAX_EXP_EXCLUSIVE && mantissa(difficulty) >= MIN_MANTISSA;
    }

    /** The target a block id must be below: mantissa · 256^(exp−3) ({@code decode_difficulty}). */
    public static BigInteger target(long difficulty) {
        int exp = exponent(difficulty);
        BigInteger m = BigInteger.valueOf(mantissa(difficulty));
        return exp <= MIN_EXP ? m.shiftRight(8 * (MIN_EXP - exp)) : m.shiftLeft(8 * (exp - MIN_EXP));
    }

    /** Compact form of {@code target}: exp = its byte length, mantissa = its top three bytes. */
    public static long encode(BigInteger target) {
        if (target.signum() < 0) {
            throw new IllegalArgumentException("negative target");
        }
        int exp = (target.bitLength() + 7) / 8;
        long mantissa = exp <= MIN_EXP
                ? target.longValue() << (8 * (MIN_EXP - exp))
                : target.shiftRight(8 * (exp - MIN_EXP)).longValue();
        return (long) exp << 24 | mantissa;
    }

    /**
     * {@code beats_target}: the id read as a little-endian 256-bit number is strictly below the
     * target. The difficulty must be {@link #isValid valid}.
     */
    public static boolean beatsTarget(FixedBytes id, long difficulty) {
        int exp = exponent(difficulty);
        if (!isValid(difficulty)) {
            throw new IllegalArgumentException("malformed difficulty 0x" + Long.toHexString(difficulty));
        }
        for (int i = exp; i < id.length(); i++) {
            if (id.get(i) != 0) {
                return false;
            }
        }
        int base = id.getUnsigned(exp - 1) << 16 | id.getUnsigned(exp - 2) << 8 | id.getUnsigned(exp - 3);
        return base < mantissa(difficulty);
    }

    /** Work of one block: floor(2^256 / (target + 1)) ({@code total_work_done}). */
    public static BigInteger work(long difficulty) {
        return TWO_256.divide(target(difficulty).add(BigInteger.ONE));
    }

    /**
     * {@code difficulty_cmp}: negative if {@code a} is easier than {@code b}, 0 if equal, positive if
     * harder. Exponents three or more apart are not compared digit by digit.
     */
    public static int compare(long a, long b) {
        int expDiff = exponent(a) - exponent(b);
        if (expDiff <= -3) {
            return 1;
        }
        if (expDiff >= 3) {
            return -1;
        }
        int ma = mantissa(a);
        int mb = mantissa(b);
        if (expDiff < 0) {
            ma >>>= -expDiff * 8;
        } else {
            mb >>>= expDiff * 8;
        }
        return Integer.compare(mb, ma);
    }

    /**
     * {@code difficulty_div4}: a target four times larger (easier). When the mantissa would overflow
     * the exponent grows instead; at the largest exponent the mantissa saturates.
     */
    public static long div4(long difficulty) {
        int exp = exponent(difficulty);
        long mantissa = mantissa(difficulty);
        if (((mantissa << 2) & 0xff000000L) != 0) {
            if (exp == MAX_EXP_EXCLUSIVE - 1) {
                mantissa = MANTISSA_MASK;
            } else {
                exp++;
                mantissa >>>= 6;
            }
        } else {
            mantissa <<= 2;
        }
        return (long) exp << 24 | mantissa;
    }

    /**
     * The difficulty of the first block of a new retarget period (C's get_difficulty): the old target scaled
     * by {@code actualSpan / idealSpan}, the span clamped to a factor of four either way, never easier
     * than {@code floor} (the genesis difficulty).
     *
     * @param actualSpan timestamp of the period's last block minus that of its first, signed: the C
     *     node compares it unsigned, so a negative span clamps to the <em>upper</em> bound
     */
    public static long retarget(long oldDifficulty, long actualSpan, long idealSpan, long floor) {
        long span = actualSpan;
        // docs/c-differences.md #1: s64 compared with u64 in C, so negative spans are huge and clamp high.
        if (Long.compareUnsigned(span, idealSpan / 4) < 0) {
            span = idealSpan / 4;
        }
        if (Long.compareUnsigned(span, idealSpan * 4) > 0) {
            span = idealSpan * 4;
        }
        BigInteger scaled =
                target(oldDifficulty).multiply(BigInteger.valueOf(span)).divide(BigInteger.valueOf(idealSpan));
        long next = encode(scaled);
        int exp = exponent(next);
        int floorExp = exponent(floor);
        if (exp > floorExp || (exp == floorExp && mantissa(next) > mantissa(floor))) {
            return floor;
        }
        return next;
    }
}
