package org.pettycoin.mining;

import java.util.ArrayList;
import java.util.List;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.consensus.MerkleTree;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.protocol.TxRefHash;
import org.pettycoin.protocol.TxWithProof;

/** A solved block with its contents, shard by shard, ready to hand to a node as peers would. */
public record MinedBlock(Block block, Hash256 id, List<List<TxAndRefs>> shards) {
    public MinedBlock {
        List<List<TxAndRefs>> copy = new ArrayList<>(shards.size());
        shards.forEach(s -> copy.add(List.copyOf(s)));
        shards = List.copyOf(copy);
    }

    public MinedBlock(Block block, List<List<TxAndRefs>> shards) {
        this(block, BlockIds.id(block), shards);
    }

    /** The SHARD packet for every non-empty shard. */
    public List<ShardPacket> shardPackets() {
        List<ShardPacket> out = new ArrayList<>();
        for (int s = 0; s < shards.size(); s++) {
            if (!shards.get(s).isEmpty()) {
                out.add(new ShardPacket(id, s, hashes(s)));
            }
        }
        return out;
    }

    /** Every tx with a proof of its place, shard by shard. */
    public List<TxWithProof> provenTxs() {
        List<TxWithProof> out = new ArrayList<>();
        for (int s = 0; s < shards.size(); s++) {
            List<TxRefHash> hashes = hashes(s);
            for (int i = 0; i < hashes.size(); i++) {
                TxAndRefs t = shards.get(s).get(i);
                out.add(new TxWithProof(MerkleTree.proof(id, s, hashes, i), t.tx(), t.refs()));
            }
        }
        return out;
    }

    private List<TxRefHash> hashes(int shard) {
        return shards.get(shard).stream().map(TxAndRefs::hash).toList();
    }
}
