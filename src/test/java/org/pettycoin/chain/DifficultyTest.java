package org.pettycoin.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.pettycoin.protocol.Hash256;

class DifficultyTest {
    private static final long GENESIS = 0x1d3bffc4L;
    private static final long IDEAL = Network.BLOCK_TARGET_TIME_SECS * Network.DIFFICULTY_UPDATE_BLOCKS;

    @Test
    void validityFollowsValidDifficulty() {
        assertThat(Difficulty.isValid(GENESIS)).isTrue();
        assertThat(Difficulty.isValid(0x1fffffffL)).isTrue();
        assertThat(Difficulty.isValid(0x20ffffffL)).as("exp 32").isFalse();
        assertThat(Difficulty.isValid(0x02ffffffL)).as("exp 2").isFalse();
        assertThat(Difficulty.isValid(0x1d00ffffL)).as("not normalised").isFalse();
        assertThat(Difficulty.isValid(0x1d010000L)).isTrue();
    }

    @Test
    void targetAndWork() {
        assertThat(Difficulty.target(GENESIS))
                .isEqualTo(BigInteger.valueOf(0x3bffc4).shiftLeft(8 * 26));
        BigInteger twoTo256 = BigInteger.ONE.shiftLeft(256);
        assertThat(Difficulty.work(GENESIS))
                .isEqualTo(twoTo256.divide(Difficulty.target(GENESIS).add(BigInteger.ONE)));
        assertThat(Difficulty.work(0x1fffffffL)).isEqualTo(BigInteger.valueOf(256));
    }

    @Test
    void beatsTargetIsStrictlyBelowAsLittleEndian() {
        long d = 0x1d3bffc4L;
        byte[] id = new byte[32];
        // bytes 26..28 hold the top three bytes of a 29-byte number; 0x3bffc4 itself does not beat it.
        id[28] = 0x3b;
        id[27] = (byte) 0xff;
        id[26] = (byte) 0xc4;
        assertThat(Difficulty.beatsTarget(Hash256.of(id), d)).isFalse();
        id[26] = (byte) 0xc3;
        assertThat(Difficulty.beatsTarget(Hash256.of(id), d)).isTrue();
        id[29] = 1;
        assertThat(Difficulty.beatsTarget(Hash256.of(id), d)).isFalse();
    }

    @Property
    void encodeInvertsTargetForNormalisedDifficulties(
            @ForAll @IntRange(min = 4, max = 31) int exp,
            @ForAll @IntRange(min = 0x800000, max = 0xffffff) int mantissa) {
        long d = (long) exp << 24 | mantissa;
        assertThat(Difficulty.encode(Difficulty.target(d))).isEqualTo(d);
    }

    @Test
    void compareOrdersByHardness() {
        assertThat(Difficulty.compare(GENESIS, GENESIS)).isZero();
        assertThat(Difficulty.compare(0x1d3bffc3L, GENESIS))
                .as("smaller target is harder")
                .isPositive();
        assertThat(Difficulty.compare(0x1e3bffc4L, GENESIS)).isNegative();
        assertThat(Difficulty.compare(0x1a3bffc4L, GENESIS)).isPositive();
        assertThat(Difficulty.compare(0x1c3bffc4L, 0x1d003bffL))
                .as("one byte apart, equal target")
                .isZero();
    }

    @Test
    void retargetScalesClampsAndFloors() {
        long harder = 0x1c3bffc4L;
        // On time: unchanged.
        assertThat(Difficulty.retarget(harder, IDEAL, IDEAL, GENESIS)).isEqualTo(harder);
        // Twice as fast: target halves.
        assertThat(Difficulty.target(Difficulty.retarget(harder, IDEAL / 2, IDEAL, GENESIS)))
                .isEqualTo(Difficulty.target(harder).divide(BigInteger.TWO));
        // Far too fast: clamped to a quarter.
        assertThat(Difficulty.retarget(harder, 1, IDEAL, GENESIS))
                .isEqualTo(Difficulty.retarget(harder, IDEAL / 4, IDEAL, GENESIS));
        // Slow: easier, but never easier than genesis.
        assertThat(Difficulty.retarget(GENESIS, IDEAL * 2, IDEAL, GENESIS)).isEqualTo(GENESIS);
        assertThat(Difficulty.compare(Difficulty.retarget(harder, IDEAL * 2, IDEAL, GENESIS), harder))
                .isNegative();
        // A negative span is huge when compared unsigned, as in C: it clamps to four times easier.
        assertThat(Difficulty.retarget(harder, -5, IDEAL, GENESIS))
                .isEqualTo(Difficulty.retarget(harder, IDEAL * 4, IDEAL, GENESIS));
    }
}
