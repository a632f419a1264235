package org.pettycoin.consensus;

import org.pettycoin.chain.BlockNode;
import org.pettycoin.protocol.Position;

/** One slot of a block: shard and offset in it (C's block_shard.h). */
public record TxSlot(BlockNode block, int shard, int txoff) {
    public Position position() {
        return new Position(block.id(), shard, txoff);
    }
}
