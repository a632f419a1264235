package org.pettycoin.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.WelcomePacket;

/**
 * The shards a node holds (C's {@code state->interests}, state.c, which the C node always fills):
 * a non-empty set of the initial order-2 shards 0..3. A block at a higher shard order splits each
 * of them, so its shard {@code s} belongs to ours {@code s >> (order - 2)} (C's block_shard.c
 * interested_in_shard). A node holding every shard is a full node; any other is partial and keeps,
 * of the other shards, only their hashes and the txs that pay into its own.
 *
 * @param mask bit {@code s} set for each order-2 shard {@code s} held
 */
public record Interests(int mask) {
    /** The order-2 shards: 4 (PROTOCOL_INITIAL_SHARD_ORDER). */
    public static final int SHARDS = 1 << Protocol.INITIAL_SHARD_ORDER;

    /** Every shard: a full node, and what the C node always is. */
    public static final Interests ALL = new Interests((1 << SHARDS) - 1);

    /** 16-bit shards per order-2 shard. */
    private static final int PER_SHARD = Protocol.INTEREST_BITS / SHARDS;

    public Interests {
        if (mask <= 0 || mask >= 1 << SHARDS) {
            throw new IllegalArgumentException("interests must name some of shards 0.." + (SHARDS - 1));
        }
    }

    /** These order-2 shards. */
    public static Interests of(int... shards) {
        int m = 0;
        for (int s : shards) {
            if (s < 0 || s >= SHARDS) {
                throw new IllegalArgumentException("shard " + s + " is not one of 0.." + (SHARDS - 1));
            }
            if ((m & 1 << s) != 0) {
                throw new IllegalArgumentException("shard " + s + " is named twice");
            }
            m |= 1 << s;
        }
        if (m == 0) {
            throw new IllegalArgumentException("no shard named");
        }
        return new Interests(m);
    }

    /**
     * A comma-separated list such as {@code 0,1}.
     *
     * @throws IllegalArgumentException saying in one line what is wrong with it
     */
    public static Interests parse(String list) {
        String[] parts = list.split(",", -1);
        int[] shards = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty() || !p.chars().allMatch(Character::isDigit) || p.length() > 3) {
                throw new IllegalArgumentException(
                        "'" + list + "' is not a list of shards 0.." + (SHARDS - 1) + " such as 0,1");
            }
            shards[i] = Integer.parseInt(p);
        }
        return of(shards);
    }

    /**
     * The order-2 shards whose every 16-bit shard a peer's WELCOME bitmap wants (read LSB-first, as
     * C's peer_wants.c reads it): a C peer's all-ones bitmap is every shard.
     *
     * @throws IllegalArgumentException if it wants no whole shard
     */
    public static Interests ofWelcome(Bytes bitmap) {
        int m = 0;
        for (int s = 0; s < SHARDS; s++) {
            boolean all = true;
            for (int i = s * PER_SHARD; i < (s + 1) * PER_SHARD && all; i++) {
                all = bitmap.testBit(i);
            }
            m |= all ? 1 << s : 0;
        }
        return new Interests(m);
    }

    public boolean holdsAll() {
        return this.equals(ALL);
    }

    /** Whether we hold order-2 shard {@code shard}. */
    public boolean holds(int shard) {
        return shard >= 0 && shard < SHARDS && (mask & 1 << shard) != 0;
    }

    /** Whether we hold shard {@code shard} of a block at {@code shardOrder} (interested_in_shard). */
    public boolean holdsBlockShard(int shard, int shardOrder) {
        return holds(shard >> (shardOrder - Protocol.INITIAL_SHARD_ORDER));
    }

    /** Whether we hold 16-bit shard {@code shard16} (a bit of the WELCOME bitmap). */
    public boolean holds16(int shard16) {
        return holds(shard16 >> (Protocol.MAX_SHARD_ORDER - Protocol.INITIAL_SHARD_ORDER));
    }

    /**
     * Our WELCOME interests: bit {@code i} for each 16-bit shard {@code i} we hold, LSB-first in
     * byte {@code i / 8}, which is how a C peer reads it (peer_wants.c), so it reads them as we mean
     * them. C sets its own bits through ccan's bitmap, MSB-first, but only ever all of them
     * (docs/c-differences.md #28): {@link #ALL} gives the same all-ones bytes.
     */
    public Bytes welcomeBitmap() {
        if (holdsAll()) {
            return WelcomePacket.ALL_INTERESTS;
        }
        byte[] b = new byte[WelcomePacket.INTERESTS_LENGTH];
        int bytesPer = PER_SHARD / 8;
        for (int s = 0; s < SHARDS; s++) {
            if (holds(s)) {
                Arrays.fill(b, s * bytesPer, (s + 1) * bytesPer, (byte) 0xff);
            }
        }
        return Bytes.of(b);
    }

    /** The shards held, ascending. */
    public List<Integer> shards() {
        List<Integer> out = new ArrayList<>(SHARDS);
        for (int s = 0; s < SHARDS; s++) {
            if (holds(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** As {@code --shards} takes it: {@code 0,1}. */
    @Override
    public String toString() {
        return shards().stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
