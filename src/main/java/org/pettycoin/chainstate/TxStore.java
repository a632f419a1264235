package org.pettycoin.chainstate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Interests;
import org.pettycoin.consensus.KnownTx;
import org.pettycoin.consensus.TxSlot;
import org.pettycoin.consensus.TxView;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.Proof;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxRefHash;

/**
 * Every tx and tx hash the node holds, in block slots and in the pending pool, with the two indexes
 * of C's txhash.c and inputhash.c: txid → in-block slots, and output → txids of the fully known txs spending it.
 * A spender stays indexed as long as some full copy of it (in a block or pending) exists. Slots of a
 * block are made on first use; empty shards need none. Node thread only.
 */
final class TxStore implements TxView {
    private static final ShardSlots EMPTY_SHARD = new ShardSlots(0);

    private final Map<BlockNode, ShardSlots[]> blocks = new HashMap<>();
    private final Map<Hash256, List<TxSlot>> slotsByTxid = new HashMap<>();
    /** One full copy of each tx held anywhere, and how many copies there are. */
    private final Map<Hash256, Tx> fullTxs = new HashMap<>();

    private final Map<Hash256, Integer> fullCopies = new HashMap<>();
    private final Map<Outpoint, List<Hash256>> spenders = new HashMap<>();

    ShardSlots shard(BlockNode block, int shard) {
        Block b = block.block();
        if (b.numTxs(shard) == 0) {
            return EMPTY_SHARD;
        }
        ShardSlots[] shards = blocks.computeIfAbsent(block, k -> new ShardSlots[b.numShards()]);
        if (shards[shard] == null) {
            shards[shard] = new ShardSlots(b.numTxs(shard));
        }
        return shards[shard];
    }

    /**
     * {@code block_all_known} for what we hold: every shard we hold has all its txs, every other one
     * all its hashes (an empty shard has both). For a full node, every shard holds all its txs.
     */
    boolean known(BlockNode block, Interests interests) {
        int order = block.block().header().shardOrder();
        for (int s = 0; s < block.block().numShards(); s++) {
            ShardSlots slots = shard(block, s);
            if (!(interests.holdsBlockShard(s, order) ? slots.allKnown() : slots.allHashes())) {
                return false;
            }
        }
        return true;
    }

    boolean putHash(TxSlot slot, TxRefHash hash, Optional<Proof> proof) {
        if (!shard(slot.block(), slot.shard()).putHash(slot.txoff(), hash, proof)) {
            return false;
        }
        slotsByTxid.computeIfAbsent(hash.txid(), k -> new ArrayList<>(1)).add(slot);
        return true;
    }

    boolean putTx(TxSlot slot, Tx tx, List<InputRef> refs, TxRefHash hash, Optional<Proof> proof) {
        ShardSlots s = shard(slot.block(), slot.shard());
        boolean wasHash = s.hash(slot.txoff()).isPresent();
        if (!s.putTx(slot.txoff(), tx, refs, hash, proof)) {
            return false;
        }
        if (!wasHash) {
            slotsByTxid.computeIfAbsent(hash.txid(), k -> new ArrayList<>(1)).add(slot);
        }
        addFullCopy(hash.txid(), tx);
        return true;
    }

    /** A pending copy of a tx: indexes its inputs like any full copy. */
    void addPendingCopy(Hash256 txid, Tx tx) {
        addFullCopy(txid, tx);
    }

    void removePendingCopy(Hash256 txid) {
        removeFullCopy(txid);
    }

    private void addFullCopy(Hash256 txid, Tx tx) {
        if (fullCopies.merge(txid, 1, Integer::sum) == 1) {
            fullTxs.put(txid, tx);
            for (Input in : tx.inputs()) {
                spenders.computeIfAbsent(Outpoint.of(in), k -> new ArrayList<>(1))
                        .add(txid);
            }
        }
    }

    private void removeFullCopy(Hash256 txid) {
        Integer n = fullCopies.get(txid);
        if (n == null) {
            return;
        }
        if (n > 1) {
            fullCopies.put(txid, n - 1);
            return;
        }
        fullCopies.remove(txid);
        Tx tx = fullTxs.remove(txid);
        for (Input in : tx.inputs()) {
            Outpoint o = Outpoint.of(in);
            List<Hash256> list = spenders.get(o);
            list.remove(txid);
            if (list.isEmpty()) {
                spenders.remove(o);
            }
        }
    }

    /**
     * Forgets every slot of a block (it was proven invalid: C's publish_complaint), returning its full txs in
     * shard and slot order so they can go back to pending.
     */
    List<Tx> removeBlock(BlockNode block) {
        ShardSlots[] shards = blocks.remove(block);
        List<Tx> txs = new ArrayList<>();
        if (shards == null) {
            return txs;
        }
        for (int s = 0; s < shards.length; s++) {
            if (shards[s] == null) {
                continue;
            }
            for (int i = 0; i < shards[s].size(); i++) {
                Optional<TxRefHash> h = shards[s].hash(i);
                if (h.isEmpty()) {
                    continue;
                }
                TxSlot slot = new TxSlot(block, s, i);
                List<TxSlot> where = slotsByTxid.get(h.get().txid());
                where.remove(slot);
                if (where.isEmpty()) {
                    slotsByTxid.remove(h.get().txid());
                }
                Optional<Tx> tx = shards[s].tx(i);
                if (tx.isPresent()) {
                    txs.add(tx.get());
                    removeFullCopy(h.get().txid());
                }
            }
        }
        return txs;
    }

    /** The full txs of a block in shard and slot order ({@code block_to_pending}'s order). */
    List<Tx> fullTxsOf(BlockNode block) {
        List<Tx> txs = new ArrayList<>();
        ShardSlots[] shards = blocks.get(block);
        if (shards != null) {
            for (ShardSlots s : shards) {
                for (int i = 0; s != null && i < s.size(); i++) {
                    s.tx(i).ifPresent(txs::add);
                }
            }
        }
        return txs;
    }

    /** Each tx of a shard in order, marshalled and followed by its refs; empty unless all known. */
    Optional<List<byte[]>> txsWithRefs(BlockNode block, int shard) {
        return shard(block, shard).txsWithRefs();
    }

    /** Any full copy of the tx with this txid, in a block or pending. */
    Optional<Tx> anyFullCopy(Hash256 txid) {
        return Optional.ofNullable(fullTxs.get(txid));
    }

    /** Txids of the fully known txs (pending ones included) that spend this output. */
    List<Hash256> spenderTxids(Outpoint o) {
        return spenders.getOrDefault(o, List.of());
    }

    /** Every in-block slot, hash-only or full, that holds this txid. */
    List<TxSlot> slotsOf(Hash256 txid) {
        return slotsByTxid.getOrDefault(txid, List.of());
    }

    Optional<Tx> txAt(TxSlot slot) {
        return shard(slot.block(), slot.shard()).tx(slot.txoff());
    }

    Optional<Proof> proofOf(TxSlot slot) {
        return shard(slot.block(), slot.shard()).proof(slot.block().id(), slot.shard(), slot.txoff());
    }

    @Override
    public Optional<KnownTx> findInChain(BlockNode block, Hash256 txid) {
        TxSlot best = null;
        for (TxSlot s : slotsOf(txid)) {
            if (s.block().precedes(block)
                    && (best == null || s.block().height() > best.block().height())) {
                best = s;
            }
        }
        return Optional.ofNullable(best).map(s -> new KnownTx(s, txAt(s)));
    }

    @Override
    public List<TxSlot> spendingSlots(Input spent) {
        List<TxSlot> out = new ArrayList<>();
        for (Hash256 spender : spenderTxids(Outpoint.of(spent))) {
            for (TxSlot s : slotsOf(spender)) {
                if (shard(s.block(), s.shard()).full(s.txoff())) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    @Override
    public Optional<Hash256> slotTxid(TxSlot slot) {
        return shard(slot.block(), slot.shard()).txid(slot.txoff());
    }
}
