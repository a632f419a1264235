package org.pettycoin.net;

import org.pettycoin.protocol.GetBlockPacket;
import org.pettycoin.protocol.GetChildrenPacket;
import org.pettycoin.protocol.GetShardPacket;
import org.pettycoin.protocol.GetTxInBlockPacket;
import org.pettycoin.protocol.GetTxMapPacket;
import org.pettycoin.protocol.GetTxPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.Position;

/**
 * One thing we want from the network (a "known unknown", C's todo.c), keyed as C keys its todos:
 * by kind, id, shard and txoff. Equal requests are the same request.
 */
public record Request(Kind kind, Hash256 id, int shard, int txoff) {
    /** The request kinds, most urgent first: blocks decide chain choice, contents make them minable. */
    public enum Kind {
        BLOCK,
        TX_IN_BLOCK,
        SHARD,
        /** Which txs of a shard we do not hold pay into ours (C's todo_add_get_txmap). */
        TXMAP,
        TX,
        CHILDREN
    }

    public static Request block(Hash256 id) {
        return new Request(Kind.BLOCK, id, 0, 0);
    }

    public static Request children(Hash256 id) {
        return new Request(Kind.CHILDREN, id, 0, 0);
    }

    public static Request shard(Hash256 block, int shard) {
        return new Request(Kind.SHARD, block, shard, 0);
    }

    public static Request txInBlock(Position pos) {
        return new Request(Kind.TX_IN_BLOCK, pos.block(), pos.shard(), pos.txoff());
    }

    public static Request txMap(Hash256 block, int shard) {
        return new Request(Kind.TXMAP, block, shard, 0);
    }

    public static Request tx(Hash256 txid) {
        return new Request(Kind.TX, txid, 0, 0);
    }

    /*
     * Written out rather than the record's own, which goes through method handles: a syncing node
     * looks requests up in its scheduler's maps several times per block, and the profile showed the
     * generated equals and hashCode at about a tenth of the node thread.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Request r && kind == r.kind && shard == r.shard && txoff == r.txoff && id.equals(r.id);
    }

    @Override
    public int hashCode() {
        return ((id.hashCode() * 31 + kind.hashCode()) * 31 + shard) * 31 + txoff;
    }

    /** The packet that asks for it. */
    public Packet packet() {
        return switch (kind) {
            case BLOCK -> new GetBlockPacket(id);
            case CHILDREN -> new GetChildrenPacket(id);
            case SHARD -> new GetShardPacket(id, shard, 0);
            case TX_IN_BLOCK -> new GetTxInBlockPacket(new Position(id, shard, txoff));
            case TXMAP -> new GetTxMapPacket(id, shard);
            default -> new GetTxPacket(id);
        };
    }
}
