package org.pettycoin.chain;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockHeader;
import org.pettycoin.protocol.BlockTailer;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Protocol;

/**
 * The {@code mkgenesis} algorithm (C's mkgenesis.c): a block at height 0 with empty shards, no prevs,
 * no fees_to, and a 17-byte nonce string whose first 4 bytes become {@code nonce1} (raw, so read as
 * le32) and whose last 13 become {@code nonce2}. Genesis is never mined: it need not beat its target.
 */
public final class Genesis {
    /** Nonce string length: 4 bytes of nonce1 + 13 of nonce2. */
    public static final int NONCE_LENGTH = 4 + BlockHeader.NONCE2_LENGTH;

    private Genesis() {}

    /**
     * A genesis block with these fields and no transactions, as {@code mkgenesis} makes it.
     *
     * @param nonce exactly 17 bytes in UTF-8, as {@code mkgenesis} demands of its argument
     * @throws IllegalArgumentException if the nonce is not 17 bytes or a number is not a u32
     */
    public static Block make(long difficulty, long timestamp, String nonce) {
        byte[] n = nonce.getBytes(StandardCharsets.UTF_8);
        if (n.length != NONCE_LENGTH) {
            throw new IllegalArgumentException(
                    "genesis nonce must be " + NONCE_LENGTH + " bytes, got " + n.length + ": '" + nonce + "'");
        }
        int shards = 1 << Protocol.INITIAL_SHARD_ORDER;
        byte[] nonce2 = new byte[BlockHeader.NONCE2_LENGTH];
        System.arraycopy(n, 4, nonce2, 0, nonce2.length);
        long nonce1 = (n[0] & 0xffL) | (n[1] & 0xffL) << 8 | (n[2] & 0xffL) << 16 | (n[3] & 0xffL) << 24;
        BlockHeader header = new BlockHeader(
                0,
                Protocol.INITIAL_SHARD_ORDER,
                Bytes.of(nonce2),
                0,
                0,
                Address.ZERO,
                Collections.nCopies(Protocol.NUM_PREV_IDS, Hash256.ZERO));
        return new Block(
                header,
                Bytes.of(new byte[shards]),
                Collections.nCopies(shards, Protocol.EMPTY_SHARD_ROOT),
                Bytes.EMPTY,
                new BlockTailer(timestamp, difficulty, nonce1));
    }
}
