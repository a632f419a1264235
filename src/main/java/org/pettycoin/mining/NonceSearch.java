package org.pettycoin.mining;

import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.Difficulty;
import org.pettycoin.crypto.Sha256Midstate;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockHeader;
import org.pettycoin.protocol.BlockTailer;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.Hash256;

/**
 * The proof-of-work inner loop for one block and one nonce2: everything before the 12-byte tailer
 * is absorbed into a SHA-256 midstate once, so each attempt hashes only the tailer (as C's
 * pettycoin-generate.c does), and the target test reads the raw digest without allocating. One instance per
 * thread; it never touches chain state.
 */
public final class NonceSearch {
    /** nonce1 is a u32: after this many attempts a search must move to another nonce2. */
    public static final long NONCE1_SPACE = 1L << 32;

    private static final int TIMESTAMP_AT = 0;
    private static final int DIFFICULTY_AT = 4;
    private static final int NONCE1_AT = 8;

    private final Block template;
    private final Sha256Midstate midstate;
    private final byte[] tailer = new byte[BlockTailer.LENGTH];
    private final long difficulty;
    private final int exponent;
    private final int mantissa;
    private long timestamp;

    /**
     * @param template the block to solve; its tailer's timestamp and nonce1 are ignored
     * @param nonce2 the 13 bytes this search puts in the header
     */
    public NonceSearch(Block template, Bytes nonce2) {
        this.template = withNonce2(template, nonce2);
        this.midstate = new Sha256Midstate(BlockIds.prefix(this.template));
        this.difficulty = template.tailer().difficulty();
        if (!Difficulty.isValid(difficulty)) {
            throw new IllegalArgumentException("malformed difficulty 0x" + Long.toHexString(difficulty));
        }
        this.exponent = Difficulty.exponent(difficulty);
        this.mantissa = Difficulty.mantissa(difficulty);
        putU32(tailer, DIFFICULTY_AT, difficulty);
        setTimestamp(template.tailer().timestamp());
    }

    /** {@code block} with another nonce2 in its header. */
    public static Block withNonce2(Block block, Bytes nonce2) {
        BlockHeader h = block.header();
        BlockHeader header = new BlockHeader(
                h.featuresVote(), h.shardOrder(), nonce2, h.numPrevTxhashes(), h.height(), h.feesTo(), h.prevs());
        return new Block(header, block.numTxs(), block.merkles(), block.prevTxhashes(), block.tailer());
    }

    /** The timestamp the next attempts carry (only the tailer changes: the midstate stays). */
    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
        putU32(tailer, TIMESTAMP_AT, timestamp);
    }

    /**
     * Tries nonce1 = {@code from}, {@code from + 1}, … for {@code count} attempts (not past the u32
     * range) and returns the first solved block, or null if none of them beats the target.
     */
    public Block search(long from, long count) {
        long end = Math.min(from + count, NONCE1_SPACE);
        for (long nonce = from; nonce < end; nonce++) {
            putU32(tailer, NONCE1_AT, nonce);
            if (beats(midstate.hashInto(tailer))) {
                return solved(nonce);
            }
        }
        return null;
    }

    private Block solved(long nonce) {
        BlockTailer t = new BlockTailer(timestamp, difficulty, nonce);
        Block b = new Block(template.header(), template.numTxs(), template.merkles(), template.prevTxhashes(), t);
        // The raw test above is only a fast path: the block must pass the real one.
        if (!Difficulty.beatsTarget(BlockIds.id(b), difficulty)) {
            throw new IllegalStateException("fast target test disagrees with beats_target for " + BlockIds.id(b));
        }
        return b;
    }

    /** {@link Difficulty#beatsTarget} on a raw digest: little-endian, strictly below the target. */
    boolean beats(byte[] id) {
        for (int i = Hash256.LENGTH - 1; i >= exponent; i--) {
            if (id[i] != 0) {
                return false;
            }
        }
        int base = (id[exponent - 1] & 0xff) << 16 | (id[exponent - 2] & 0xff) << 8 | (id[exponent - 3] & 0xff);
        return base < mantissa;
    }

    private static void putU32(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    /**
     * {@code base} plus {@code n} as a 13-byte little-endian counter (how C's generator steps nonce2
     * when nonce1 wraps), wrapping at 2^104.
     */
    public static Bytes addToNonce2(Bytes base, long n) {
        byte[] b = base.toByteArray();
        long carry = n;
        for (int i = 0; i < b.length && carry != 0; i++) {
            long sum = (b[i] & 0xff) + (carry & 0xff);
            b[i] = (byte) sum;
            carry = (carry >>> 8) + (sum >>> 8);
        }
        return Bytes.of(b);
    }
}
