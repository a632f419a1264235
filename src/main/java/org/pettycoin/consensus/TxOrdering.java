package org.pettycoin.consensus;

import java.util.Optional;
import org.pettycoin.protocol.Tx;

/**
 * {@code check_tx_ordering} (C's check_block.c): txs in a shard must be in strictly increasing
 * {@link TxShards#CANONICAL_ORDER}, so nodes can guess a block's contents. Only full txs are
 * compared: the caller finds the nearest full tx below and above the slot, skipping hash-only and
 * unknown slots.
 */
public final class TxOrdering {
    private TxOrdering() {}

    /**
     * Whether putting {@code tx} between {@code below} and {@code above} breaks the order; a tx equal
     * to a neighbour is misordered too, so a shard cannot hold the same tx twice. A misorder calls for
     * a misorder complaint against the block.
     */
    public static boolean misordered(Optional<Tx> below, Tx tx, Optional<Tx> above) {
        return below.map(b -> TxShards.CANONICAL_ORDER.compare(b, tx) >= 0).orElse(false)
                || above.map(a -> TxShards.CANONICAL_ORDER.compare(tx, a) >= 0).orElse(false);
    }
}
