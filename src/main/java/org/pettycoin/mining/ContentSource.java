package org.pettycoin.mining;

import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;

/**
 * The contents a miner needs to compute prev_txhashes (C's prev_txhashes.c): each tx of a shard in order,
 * marshalled and followed by its refs; empty when not every tx of the shard is known.
 */
@FunctionalInterface
public interface ContentSource {
    /**
     * Treats every shard as empty: right for chains of empty blocks, and for header-only tests of
     * blocks with txs, where the bytes covering non-empty shards are simply wrong (no header check
     * looks at them; only a node holding those txs could tell, and it only logs: docs/c-differences.md #2).
     */
    ContentSource HEADERS_ONLY = (block, shard) -> Optional.of(List.of());

    Optional<List<byte[]>> shardTxsWithRefs(BlockNode block, int shard);
}
