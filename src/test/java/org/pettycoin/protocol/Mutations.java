package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Damage done to valid encodings, and the one acceptable outcome of decoding the result: either a
 * value that re-encodes to exactly the bytes decoded (nothing on the wire is lost) or a
 * {@link ProtocolException}. Any other exception escapes and fails the property.
 */
final class Mutations {
    @FunctionalInterface
    interface Decoder<T> {
        T decode(byte[] bytes) throws ProtocolException;
    }

    private Mutations() {}

    static <T> void decodesToItselfOrRejects(byte[] bytes, Decoder<T> decoder, Function<T, byte[]> encoder) {
        T value;
        try {
            value = decoder.decode(bytes);
        } catch (ProtocolException e) {
            return;
        }
        assertThat(encoder.apply(value)).isEqualTo(bytes);
    }

    /** Values that make counts and err fields lie: edges of their ranges, and the err values replies use. */
    static Arbitrary<Long> lies() {
        return Arbitraries.oneOf(
                Arbitraries.of(0L, 1L, 4L, 12L, 13L, 14L, 0xffffL, 0x10000L, 0x7fffffffL, 0x80000000L, 0xffffffffL),
                ProtocolArbitraries.u32());
    }

    /** Flips bit {@code bitIndex % 8} of byte {@code bitIndex / 8}, wrapping round the array. */
    static byte[] flipBit(byte[] b, int bitIndex) {
        byte[] out = b.clone();
        out[Math.floorMod(bitIndex / 8, out.length)] ^= (byte) (1 << Math.floorMod(bitIndex, 8));
        return out;
    }

    static byte[] truncate(byte[] b, int where) {
        return Arrays.copyOf(b, Math.floorMod(where, b.length));
    }

    static byte[] extend(byte[] b, byte[] extra) {
        byte[] out = Arrays.copyOf(b, b.length + extra.length);
        System.arraycopy(extra, 0, out, b.length, extra.length);
        return out;
    }

    /** Overwrites the le32 at {@code offset}, moved back as needed so it fits. */
    static byte[] putU32(byte[] b, int offset, long value) {
        byte[] out = b.clone();
        int at = Math.max(0, Math.min(offset, out.length - 4));
        for (int i = 0; i < 4 && at + i < out.length; i++) {
            out[at + i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    /** A frame whose {@code len} field agrees with its new size, so the damage is inside the body. */
    static byte[] withLengthField(byte[] frame) {
        return frame.length < 4 ? frame : putU32(frame, 0, frame.length);
    }
}
