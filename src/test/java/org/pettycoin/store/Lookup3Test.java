package org.pettycoin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Expected values come from lookup3.c's own driver (the first three) and from ccan's hash.c, the
 * file the C node links, compiled for x86-64.
 */
class Lookup3Test {
    private static final byte[] FOUR_SCORE = "Four score and seven years ago".getBytes(StandardCharsets.US_ASCII);

    @Test
    void referenceDriverValues() {
        assertThat(Lookup3.hashLittle(new byte[0], 0)).isEqualTo(0xdeadbeef);
        assertThat(Lookup3.hashLittle(FOUR_SCORE, 0)).isEqualTo(0x17770551);
        assertThat(Lookup3.hashLittle(FOUR_SCORE, 1)).isEqualTo(0xcd628161);
    }

    /** lookup3.c driver3's endianness line: the same 73-byte sentence cut shorter by 1..12 bytes. */
    @Test
    void everyTailLengthOfTheDriverSentence() {
        byte[] q = "This is the time for all good men to come to the aid of their country..."
                .getBytes(StandardCharsets.US_ASCII);
        // C's sizeof(q) counts the terminating NUL, so sizeof(q)-1 is the sentence itself.
        byte[] withNul = new byte[q.length + 1];
        System.arraycopy(q, 0, withNul, 0, q.length);
        int[] expected = {
            0x499ae8fa,
            0xb9bef31c,
            0x8efefdfd,
            0xa56b7aab,
            0xb1946734,
            0x9f31c5ce,
            0x0826585d,
            0x55b69dea,
            0xf4688dd0,
            0xe87eb146,
            0xb202fb17,
            0x711fe56a
        };
        for (int cut = 1; cut <= 12; cut++) {
            assertThat(Lookup3.hashLittle(withNul, 0, withNul.length - cut, 13))
                    .as("cut %d", cut)
                    .isEqualTo(expected[cut - 1]);
        }
    }

    /** Lengths 0..40 cover every tail length with zero, one, two and three full blocks before it. */
    @Test
    void lengthsZeroToForty() {
        byte[] key = new byte[40];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 37 + 11);
        }
        int[] expected = {
            0x7ce538a8, 0x5c8a8633, 0x60d5e7c9, 0x57335406, 0x5373fd14, 0x55bf47ef, 0x4882b2fe, 0xceab3a91,
            0xd8178bf2, 0x4a075bc0, 0x192664e0, 0x045a1a23, 0xec8fb5d2, 0x4b7e2e89, 0x641027f8, 0xb4559959,
            0xdbb26d54, 0x8ce39572, 0xab507e0c, 0x79d6b547, 0x13f4fb8e, 0x9228b164, 0xf8885c92, 0x70c3c536,
            0x94e5e69e, 0x893909ae, 0xe08515e9, 0x5a9484a6, 0x31188f79, 0xf0e61a08, 0x4d3962b8, 0xae569f15,
            0x1e14a013, 0xac7bb0ef, 0x44d0fff9, 0x27d8dac8, 0xba063d99, 0x30a68df7, 0xeb1390d3, 0x3bc546b5,
            0x8b9d0b64
        };
        for (int len = 0; len <= 40; len++) {
            assertThat(Lookup3.hashLittle(key, 0, len, 0x9e3779b9))
                    .as("length %d", len)
                    .isEqualTo(expected[len]);
        }
    }

    @Test
    void offsetDoesNotChangeTheHash() {
        byte[] key = new byte[16];
        byte[] shifted = new byte[19];
        for (int i = 0; i < 16; i++) {
            key[i] = (byte) (0x20 + i);
            shifted[i + 3] = key[i];
        }
        assertThat(Lookup3.hashLittle(shifted, 3, 16, 0)).isEqualTo(Lookup3.hashLittle(key, 0));
    }

    @Test
    void hash64AnyFoldsTheBaseAndReturnsBothWords() {
        byte[] key = new byte[16];
        for (int i = 0; i < 16; i++) {
            key[i] = (byte) (0x20 + i);
        }
        // The base wraps past 2^64, as C's u64 addition of randbytes and port does.
        assertThat(Lookup3.hash64Any(key, -1L + 1234)).isEqualTo(0xc622b245591ac313L);
        // Empty key: C returns the folded seed unchanged as the upper word.
        assertThat(Lookup3.hash64Any(new byte[0], 0x0000000500000007L)).isEqualTo(0x0000000cdeadbefbL);
    }

    @Test
    void rangeOutsideTheArrayIsRefused() {
        assertThatThrownBy(() -> Lookup3.hashLittle(new byte[4], 2, 3, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
