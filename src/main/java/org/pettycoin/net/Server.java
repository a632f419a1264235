package org.pettycoin.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.consensus.KnownTx;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.BlockUnknownPacket;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.ChildBlock;
import org.pettycoin.protocol.ChildrenPacket;
import org.pettycoin.protocol.ChildrenUnknownPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.GetShardPacket;
import org.pettycoin.protocol.GetTxMapPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.Position;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.ShardErrorPacket;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.TxInBlockUnknownPacket;
import org.pettycoin.protocol.TxMapPacket;
import org.pettycoin.protocol.TxPacket;
import org.pettycoin.protocol.TxRefHash;
import org.pettycoin.protocol.TxUnknownPacket;

/**
 * Answers to peers' requests, as a C node answers them (sync.c, peer.c recv_get_*), built from the
 * chain state. A request naming a shard or slot the block cannot have is the asker's fault
 * ({@link ProtocolException}); one naming a block we do not know gets an "unknown" answer.
 */
final class Server {
    private final ChainState state;
    private final DescendantsHash hashes;

    Server(ChainState state, DescendantsHash hashes) {
        this.state = state;
        this.hashes = hashes;
    }

    Packet block(Hash256 id) {
        return state.tree()
                .find(id)
                .<Packet>map(b -> new BlockPacket(b.block()))
                .orElseGet(() -> new BlockUnknownPacket(id));
    }

    /** Children in arrival order; a child on our preferred chain carries a zero hash (C's sync.c recv_get_children). */
    Packet children(Hash256 id) {
        Optional<BlockNode> found = state.tree().find(id);
        if (found.isEmpty()) {
            return new ChildrenUnknownPacket(id);
        }
        BlockNode preferred = state.tree().heads().preferred();
        List<ChildBlock> out = new ArrayList<>();
        for (BlockNode c : found.get().children()) {
            out.add(new ChildBlock(c.id(), c.precedes(preferred) ? Hash256.ZERO : hashes.of(c)));
        }
        return new ChildrenPacket(id, out);
    }

    /** A shard's hashes, or why not; a block proven invalid is answered with its complaint. */
    Packet shard(GetShardPacket p) throws ProtocolException {
        Optional<BlockNode> found = state.tree().find(p.block());
        if (found.isEmpty()) {
            return new ShardErrorPacket(p.block(), p.shard(), ErrorCode.UNKNOWN_BLOCK);
        }
        BlockNode b = found.get();
        if (p.shard() >= b.block().numShards()) {
            throw new ProtocolException(ErrorCode.BAD_SHARDNUM, "shard " + p.shard() + " of " + b);
        }
        if (b.invalid()) {
            Optional<? extends Packet> complaint = state.complaintOf(b);
            if (complaint.isPresent()) {
                return complaint.get();
            }
        }
        Optional<List<TxRefHash>> h = state.shardHashes(b, p.shard());
        return h.<Packet>map(list -> new ShardPacket(b.id(), p.shard(), list))
                .orElseGet(() -> new ShardErrorPacket(b.id(), p.shard(), ErrorCode.UNKNOWN_SHARD));
    }

    Packet txInBlock(Position pos) throws ProtocolException {
        Optional<BlockNode> found = state.tree().find(pos.block());
        if (found.isEmpty()) {
            return new TxInBlockUnknownPacket(ErrorCode.UNKNOWN_BLOCK, pos);
        }
        BlockNode b = found.get();
        if (pos.shard() >= b.block().numShards()) {
            throw new ProtocolException(ErrorCode.BAD_SHARDNUM, "shard " + pos.shard() + " of " + b);
        }
        if (pos.txoff() >= b.block().numTxs(pos.shard())) {
            throw new ProtocolException(ErrorCode.BAD_TXOFF, "txoff " + pos.txoff() + " of " + b);
        }
        return state.provenAt(b, pos.shard(), pos.txoff())
                .<Packet>map(TxInBlockPacket::new)
                .orElseGet(() -> new TxInBlockUnknownPacket(ErrorCode.UNKNOWN_TX, pos));
    }

    /** In our preferred chain with its proof if we can; else bare if we hold it anywhere. */
    Packet tx(Hash256 txid) {
        Optional<KnownTx> inChain = state.findInChain(state.tree().heads().preferred(), txid);
        if (inChain.isPresent() && inChain.get().full()) {
            var s = inChain.get().slot();
            Optional<Packet> proven =
                    state.provenAt(s.block(), s.shard(), s.txoff()).map(TxInBlockPacket::new);
            if (proven.isPresent()) {
                return proven.get();
            }
        }
        return state.anyTx(txid).<Packet>map(TxPacket::new).orElseGet(() -> new TxUnknownPacket(txid));
    }

    /**
     * Which txs of a shard the asker may want: known NORMAL txs whose output lands in a shard it is
     * interested in (C's peer.c recv_get_txmap).
     */
    Packet txMap(GetTxMapPacket p, Peer asker) throws ProtocolException {
        Optional<BlockNode> found = state.tree().find(p.block());
        if (found.isEmpty()) {
            return new TxMapPacket(p.block(), p.shard(), ErrorCode.UNKNOWN_BLOCK.code(), Bytes.of());
        }
        BlockNode b = found.get();
        if (p.shard() >= b.block().numShards()) {
            throw new ProtocolException(ErrorCode.BAD_SHARDNUM, "shard " + p.shard() + " of " + b);
        }
        int n = b.block().numTxs(p.shard());
        byte[] bitmap = new byte[(n + 31) / 32 * 4];
        for (int i = 0; i < n; i++) {
            Optional<Tx> tx = state.txAt(b, p.shard(), i);
            if (tx.isPresent()
                    && tx.get() instanceof NormalTx normal
                    && asker.wantsShard(normal.outputAddr().shard(Protocol.MAX_SHARD_ORDER))) {
                bitmap[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return new TxMapPacket(b.id(), p.shard(), 0, Bytes.of(bitmap));
    }
}
