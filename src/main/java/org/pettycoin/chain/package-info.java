/**
 * Chain-level structure: the network presets and their genesis blocks, block ids, compact difficulty,
 * proof of work and work, the {@code prevs[20]} skip list and the {@code prev_txhashes} byte rule.
 *
 * <p>Everything here is a pure function of block data and is byte-for-byte what the C node computes
 * (C's hash_block.c, difficulty.c…). The block tree and chain choice live here too; they are the only
 * stateful part and are owned by the node thread. {@code Interests} names the shards a node holds,
 * which decides what "known" means for its blocks.
 */
package org.pettycoin.chain;
