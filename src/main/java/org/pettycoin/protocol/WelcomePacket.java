package org.pettycoin.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * PKT_WELCOME (2), the first packet each side sends (C's welcome.c make_welcome): protocol version, a free-text
 * moniker, the port the sender listens on, its instance uuid, the address at which it sees the
 * receiver, the 65536-bit shard interests and, unless the sender is still at genesis, its best block.
 *
 * <p>Nothing here is judged: the version, the interests and the uuid are the handshake's business
 * (C checks them in {@code check_welcome}, after the length).
 */
public record WelcomePacket(
        long version,
        Bytes moniker,
        int listenPort,
        NodeUuid uuid,
        NetAddress you,
        Bytes interests,
        Optional<Block> bestBlock)
        implements Packet {
    /** {@code sizeof(struct protocol_pkt_welcome)}, its 8-byte header included. */
    public static final int FIXED_LENGTH = 8296;

    public static final int MONIKER_LENGTH = 34;
    public static final int INTERESTS_LENGTH = Protocol.INTEREST_BITS / 8;
    /** Interest in every shard: what C always sends, and what a node that serves all shards sends. */
    public static final Bytes ALL_INTERESTS = allInterests();

    public WelcomePacket {
        Unsigned.requireU32(version, "version");
        requireSize(moniker, MONIKER_LENGTH, "moniker");
        Unsigned.requireU16(listenPort, "listen_port");
        requireSize(interests, INTERESTS_LENGTH, "interests");
    }

    /** {@code text} as C fills the field: its bytes cut or zero-padded to 34 ({@code strncpy}). */
    public static Bytes moniker(String text) {
        return Bytes.of(Arrays.copyOf(text.getBytes(StandardCharsets.UTF_8), MONIKER_LENGTH));
    }

    /** The moniker up to its first NUL (C does not NUL-terminate a full field). */
    public String monikerText() {
        byte[] b = moniker.toByteArray();
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    /**
     * {@link #monikerText} fit for a log line: control and format characters (a newline that would
     * forge a line, terminal escapes) written as {@code \\uXXXX}, since the peer chose them.
     */
    public String monikerPrintable() {
        String text = monikerText();
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isISOControl(c)
                    || type == Character.FORMAT
                    || type == Character.UNASSIGNED
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /**
     * Whether the sender wants {@code shard} (a 16-bit shard number). Read LSB-first, as C reads a
     * peer's bitmap in peer_wants.c, although C sets its own bits MSB-first (docs/c-differences.md #28).
     */
    public boolean wantsShard(int shard) {
        if (shard < 0 || shard >= Protocol.INTEREST_BITS) {
            throw new IllegalArgumentException("shard " + shard + " is not a 16-bit shard number");
        }
        return interests.testBit(shard);
    }

    /** Number of shards wanted; C refuses a welcome with fewer than 2 (NO_INTEREST). */
    public int interestCount() {
        int n = 0;
        for (int i = 0; i < interests.size(); i++) {
            n += Integer.bitCount(interests.getUnsigned(i));
        }
        return n;
    }

    @Override
    public PacketType type() {
        return PacketType.WELCOME;
    }

    private static void requireSize(Bytes b, int size, String what) {
        if (b.size() != size) {
            throw new IllegalArgumentException(what + " must be " + size + " bytes, got " + b.size());
        }
    }

    private static Bytes allInterests() {
        byte[] b = new byte[INTERESTS_LENGTH];
        Arrays.fill(b, (byte) 0xff);
        return Bytes.of(b);
    }
}
