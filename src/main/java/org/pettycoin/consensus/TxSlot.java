package org.pettycoin.consensus;

import org.pettycoin.chain.BlockNode;
import org.pettycoin.protocol.Position;

/** One slot of a block: shard and offset in it (spec 02 §6.2). */
public record TxSlot(BlockNode block, int shard, int txoff) {
    public Position position() {
        return new Position(block.id(), shard, txoff);
    }
}
