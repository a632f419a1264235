package org.pettycoin.chainstate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pettycoin.consensus.MerkleTree;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.Proof;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;
import org.pettycoin.protocol.TxRefHash;

/**
 * What we know of one shard of one block (C's block_shard.h): each slot is unknown, hash-only or full.
 * While some slot is still unknown, the proof each known slot arrived with is kept so the slot can
 * be proven to others; once every slot has a hash the proofs are dropped and built on demand.
 */
final class ShardSlots {
    private final int size;
    private final TxRefHash[] hashes;
    private final Tx[] txs;
    private final List<List<InputRef>> refs;
    private Proof[] proofs;
    /** Once every slot has a hash the hashes never change: the tree is built on the first proof asked for. */
    private Optional<MerkleTree.Levels> tree = Optional.empty();
    /** Once every slot is full nothing changes: each tx's bytes with refs, made on first use. */
    private Optional<List<byte[]>> withRefs = Optional.empty();

    private int txCount;
    private int hashCount;

    ShardSlots(int size) {
        this.size = size;
        this.hashes = new TxRefHash[size];
        this.txs = new Tx[size];
        this.refs = new ArrayList<>(java.util.Collections.nCopies(size, (List<InputRef>) null));
        this.proofs = new Proof[size];
    }

    int size() {
        return size;
    }

    /** Every slot is at least a hash ({@code shard_all_hashes}). */
    boolean allHashes() {
        return txCount + hashCount == size;
    }

    /** Every slot holds its tx ({@code shard_all_known}); an empty shard is. */
    boolean allKnown() {
        return txCount == size;
    }

    Optional<TxRefHash> hash(int txoff) {
        return Optional.ofNullable(hashes[txoff]);
    }

    Optional<Tx> tx(int txoff) {
        return Optional.ofNullable(txs[txoff]);
    }

    List<InputRef> refs(int txoff) {
        return refs.get(txoff);
    }

    boolean full(int txoff) {
        return txs[txoff] != null;
    }

    /** Hash-only: the hash is known, the tx is not. */
    boolean hashOnly(int txoff) {
        return hashes[txoff] != null && txs[txoff] == null;
    }

    Optional<Hash256> txid(int txoff) {
        return hash(txoff).map(TxRefHash::txid);
    }

    /** Records a hash in an unknown slot; false if the slot was already known (left alone). */
    boolean putHash(int txoff, TxRefHash hash, Optional<Proof> proof) {
        if (hashes[txoff] != null) {
            return false;
        }
        hashes[txoff] = hash;
        hashCount++;
        keepProof(txoff, proof);
        return true;
    }

    /** Records a full tx (its hash included); false if the slot was already full. */
    boolean putTx(int txoff, Tx tx, List<InputRef> txRefs, TxRefHash hash, Optional<Proof> proof) {
        if (txs[txoff] != null) {
            return false;
        }
        if (hashes[txoff] == null) {
            hashes[txoff] = hash;
        } else {
            hashCount--;
        }
        txs[txoff] = tx;
        refs.set(txoff, List.copyOf(txRefs));
        txCount++;
        keepProof(txoff, proof);
        return true;
    }

    private void keepProof(int txoff, Optional<Proof> proof) {
        if (allHashes()) {
            proofs = null;
        } else if (proofs != null && proof.isPresent()) {
            proofs[txoff] = proof.get();
        }
    }

    /** A proof for a known slot: built from the hashes when all are known, else the one it came with. */
    Optional<Proof> proof(Hash256 blockId, int shard, int txoff) {
        if (allHashes()) {
            if (tree.isEmpty()) {
                tree = Optional.of(MerkleTree.levels(Arrays.asList(hashes)));
            }
            return Optional.of(tree.get().proof(blockId, shard, txoff));
        }
        return Optional.ofNullable(proofs[txoff]);
    }

    /**
     * Every tx marshalled with its refs, in order, once every slot is full (the prev_txhashes bytes of
     * up to ten descendants hash them, each with its own fees_to). Callers must not change the arrays.
     */
    Optional<List<byte[]>> txsWithRefs() {
        if (!allKnown()) {
            return Optional.empty();
        }
        if (withRefs.isEmpty()) {
            List<byte[]> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(TxCodec.encodeWithRefs(txs[i], refs.get(i)));
            }
            withRefs = Optional.of(List.copyOf(out));
        }
        return withRefs;
    }

    /** The full tx nearest below {@code txoff}, skipping hash-only and unknown slots. */
    Optional<Integer> fullBelow(int txoff) {
        for (int i = txoff - 1; i >= 0; i--) {
            if (txs[i] != null) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    Optional<Integer> fullAbove(int txoff) {
        for (int i = txoff + 1; i < size; i++) {
            if (txs[i] != null) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
