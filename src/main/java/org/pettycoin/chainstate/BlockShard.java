package org.pettycoin.chainstate;

import org.pettycoin.protocol.Hash256;

/** One shard of one block, by the block's id: what a GET_TXMAP names. */
public record BlockShard(Hash256 block, int shard) {}
