package org.pettycoin.consensus;

import org.pettycoin.chain.Network;
import org.pettycoin.protocol.Block;

/**
 * The transaction horizon (C's horizon.c): a tx in block B may not spend from a block
 * whose timestamp is more than PROTOCOL_TX_HORIZON_SECS behind B's.
 */
public final class Horizon {
    private static final long U32_MASK = 0xffffffffL;

    private Horizon() {}

    /** {@code block_expiry}: timestamp + horizon, a u32 in C, so it wraps the same way here. */
    public static long expiry(Block block) {
        return (block.tailer().timestamp() + Network.TX_HORIZON_SECS) & U32_MASK;
    }

    /** {@code block_expired_by}: exactly on the horizon is not expired ("line-balls"). */
    public static boolean expiredBy(long expiry, long now) {
        return expiry < now;
    }
}
