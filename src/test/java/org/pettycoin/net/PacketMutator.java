package org.pettycoin.net;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.pettycoin.protocol.PacketType;
import org.pettycoin.protocol.Protocol;

/**
 * Damage done to a valid packet for the wire fuzzer: each call picks one {@link Kind} and returns
 * the bytes to send, which may be a frame whose length field tells the truth about a broken body, a
 * frame whose length lies, or no frame at all.
 */
final class PacketMutator {
    /** What was done to a packet. */
    enum Kind {
        /** Sent as it is: valid bytes, though maybe of another network or out of turn. */
        INTACT,
        BIT_FLIPS,
        /** Cut short, its length field rewritten to match. */
        TRUNCATED_HONEST,
        /** Cut short, its length field still the whole packet's: the next packet's bytes complete it. */
        TRUNCATED_LYING,
        TYPE_SWAP,
        /** A le32 in the body (a count, a length, a height) set to 0, 1, max u32, 2^31... */
        EXTREME_INT,
        /** The length field set to another value, the bytes left as they were. */
        LENGTH_LIE,
        /** The head of one packet and the tail of another, under one length. */
        SPLICE,
        /** Random bytes, no frame. */
        JUNK,
        /** A header announcing more than the 4 MiB limit, then some bytes. */
        OVERSIZE,
        /** A bare 8-byte header of a type that needs a body. */
        HEADER_ONLY
    }

    /** A mutated packet. */
    @SuppressWarnings("ArrayRecordComponent") // written to a socket once, never compared or kept
    record Mutant(Kind kind, byte[] bytes) {}

    private static final long[] EXTREMES = {
        0,
        1,
        0xffL,
        0xffffL,
        0x10000L,
        0x7fffffffL,
        0x80000000L,
        0xfffffffeL,
        0xffffffffL,
        Protocol.MAX_PACKET_LEN,
        Protocol.MAX_PACKET_LEN + 1L
    };
    private static final Kind[] KINDS = Kind.values();

    private final FuzzCorpus corpus;

    PacketMutator(FuzzCorpus corpus) {
        this.corpus = corpus;
    }

    /** One packet of the corpus, maybe mutated: about one in ten goes out intact. */
    Mutant next(Random r) {
        byte[] base = pick(r);
        Kind k = r.nextInt(10) == 0 ? Kind.INTACT : KINDS[1 + r.nextInt(KINDS.length - 1)];
        return new Mutant(k, apply(k, base, r));
    }

    /** One of our own valid regtest packets, unharmed: sent first, it takes a connection past the easy checks. */
    Mutant intact(Random r) {
        return new Mutant(Kind.INTACT, corpus.own().get(r.nextInt(corpus.own().size())));
    }

    /** {@code base} mutated by {@code kind}. */
    byte[] apply(Kind kind, byte[] base, Random r) {
        return switch (kind) {
            case INTACT -> base;
            case BIT_FLIPS -> flips(base, r);
            case TRUNCATED_HONEST -> withLength(cut(base, r), -1);
            case TRUNCATED_LYING -> cut(base, r);
            case TYPE_SWAP -> putU32(base, 4, swapType(r));
            case EXTREME_INT -> extreme(base, r);
            case LENGTH_LIE -> putU32(base, 0, lie(base, r));
            case SPLICE -> splice(base, pick(r), r);
            case JUNK -> junk(r);
            case OVERSIZE -> oversize(r);
            case HEADER_ONLY -> withLength(Arrays.copyOf(base, Protocol.PACKET_HEADER_LEN), -1);
        };
    }

    private byte[] pick(Random r) {
        // Our own regtest packets are few but the most interesting to a regtest node: half the draws.
        return r.nextBoolean()
                ? corpus.own().get(r.nextInt(corpus.own().size()))
                : corpus.captured().get(r.nextInt(corpus.captured().size()));
    }

    private static byte[] flips(byte[] base, Random r) {
        byte[] out = base.clone();
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            // Mostly in the header and the first fields, where the counts and lengths are.
            int at = r.nextBoolean() ? r.nextInt(Math.min(out.length, 64)) : r.nextInt(out.length);
            out[at] ^= (byte) (1 << r.nextInt(8));
        }
        return out;
    }

    private static byte[] cut(byte[] base, Random r) {
        return Arrays.copyOf(base, r.nextInt(base.length));
    }

    private static long swapType(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt(PacketType.MAX.code() + 4);
            case 1 -> PacketType.WELCOME.code();
            case 2 -> r.nextInt() & 0xffffffffL;
            default -> EXTREMES[r.nextInt(EXTREMES.length)];
        };
    }

    private static byte[] extreme(byte[] base, Random r) {
        if (base.length <= Protocol.PACKET_HEADER_LEN + 4) {
            return putU32(base, 0, EXTREMES[r.nextInt(EXTREMES.length)]);
        }
        // An aligned le32 of the body: most of the protocol's counts and lengths are le32 there.
        int words = (base.length - Protocol.PACKET_HEADER_LEN) / 4;
        int at = Protocol.PACKET_HEADER_LEN + 4 * r.nextInt(Math.min(words, 32));
        return putU32(base, at, EXTREMES[r.nextInt(EXTREMES.length)]);
    }

    private static long lie(byte[] base, Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> EXTREMES[r.nextInt(EXTREMES.length)];
            case 1 -> r.nextInt(Protocol.PACKET_HEADER_LEN + 1);
            case 2 -> base.length + 1 + r.nextInt(64);
            default -> Math.max(0, base.length - 1 - r.nextInt(Math.max(1, base.length)));
        };
    }

    private static byte[] splice(byte[] a, byte[] b, Random r) {
        int head = r.nextInt(a.length);
        int tail = r.nextInt(b.length);
        byte[] out = Arrays.copyOf(a, head + b.length - tail);
        System.arraycopy(b, tail, out, head, b.length - tail);
        return r.nextBoolean() ? withLength(out, -1) : out;
    }

    private static byte[] junk(Random r) {
        byte[] out = new byte[1 + r.nextInt(r.nextBoolean() ? 16 : 2048)];
        r.nextBytes(out);
        return out;
    }

    private static byte[] oversize(Random r) {
        byte[] out = new byte[Protocol.PACKET_HEADER_LEN + r.nextInt(4096)];
        r.nextBytes(out);
        long len = r.nextBoolean()
                ? Protocol.MAX_PACKET_LEN + 1L + r.nextInt(1 << 20)
                : 0x80000000L + (r.nextInt() & 0x7fffffffL);
        putU32In(out, 0, len);
        putU32In(out, 4, r.nextInt(PacketType.MAX.code()));
        return out;
    }

    /** {@code b} with its length field set to {@code len}, or to its own length when {@code len} is negative. */
    private static byte[] withLength(byte[] b, long len) {
        if (b.length < 4) {
            return b;
        }
        return putU32(b, 0, len < 0 ? b.length : len);
    }

    private static byte[] putU32(byte[] b, int at, long value) {
        if (b.length < at + 4) {
            return b;
        }
        byte[] out = b.clone();
        putU32In(out, at, value);
        return out;
    }

    private static void putU32In(byte[] b, int at, long value) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, (int) value);
    }
}
