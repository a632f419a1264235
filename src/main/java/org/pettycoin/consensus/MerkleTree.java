package org.pettycoin.consensus;

import java.util.ArrayList;
import java.util.List;
import org.pettycoin.crypto.Sha256;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Position;
import org.pettycoin.protocol.Proof;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.TxRefHash;

/**
 * Per-shard merkle trees and proofs (C's merkle_hashes.c, proof.c). A shard's tree always has 256 leaf slots: a tx's
 * leaf is SHA256d(txid ‖ refhash), an empty slot is 32 zero bytes (not hashed), and every internal
 * node is SHA256d(left ‖ right), even over empty subtrees.
 *
 * <p>Proofs are built the <em>correct</em> way (sibling of level i covers the leaves at
 * {@code ((txoff >> i) ^ 1) << i}); the C node's builder is wrong for txoff ≥ 2 (docs/c-differences.md #14), so C
 * proofs for those positions fail {@link #check} exactly as they fail in C.
 */
public final class MerkleTree {
    /** Root of an all-empty subtree of 2^i leaves, for i = 0..8. */
    private static final Hash256[] EMPTY = emptyRoots();

    /** Root of a shard with no transactions (used 4× by every genesis block). */
    public static final Hash256 EMPTY_SHARD_ROOT = EMPTY[Protocol.MERKLE_DEPTH];

    private MerkleTree() {}

    private static Hash256[] emptyRoots() {
        Hash256[] roots = new Hash256[Protocol.MERKLE_DEPTH + 1];
        roots[0] = Hash256.ZERO;
        for (int i = 1; i < roots.length; i++) {
            roots[i] = node(roots[i - 1], roots[i - 1]);
        }
        return roots;
    }

    public static Hash256 leaf(TxRefHash h) {
        return node(h.txid(), h.refhash());
    }

    private static Hash256 node(Hash256 left, Hash256 right) {
        return Sha256.doubleSha256(left.toByteArray(), right.toByteArray());
    }

    /** The merkle root of a shard holding these txs, in order (at most 256). */
    public static Hash256 root(List<TxRefHash> txs) {
        List<Hash256> level = leaves(txs);
        for (int i = 0; i < Protocol.MERKLE_DEPTH; i++) {
            level = parents(level, i);
        }
        return level.isEmpty() ? EMPTY_SHARD_ROOT : level.get(0);
    }

    /** A proof that {@code txs.get(txoff)} sits at ({@code block}, {@code shard}, {@code txoff}). */
    public static Proof proof(Hash256 block, int shard, List<TxRefHash> txs, int txoff) {
        return levels(txs).proof(block, shard, txoff);
    }

    /** Every level of a shard's tree, leaves first: built once, it proves any slot without hashing. */
    public static Levels levels(List<TxRefHash> txs) {
        List<List<Hash256>> levels = new ArrayList<>(Protocol.MERKLE_DEPTH);
        List<Hash256> level = leaves(txs);
        for (int i = 0; i < Protocol.MERKLE_DEPTH; i++) {
            levels.add(level);
            level = parents(level, i);
        }
        return new Levels(levels, txs.size());
    }

    /** The levels of one shard's tree (level 0 the leaves); immutable. */
    public static final class Levels {
        private final List<List<Hash256>> levels;
        private final int size;

        private Levels(List<List<Hash256>> levels, int size) {
            this.levels = List.copyOf(levels);
            this.size = size;
        }

        /** A proof that the tx at {@code txoff} sits at ({@code block}, {@code shard}, {@code txoff}). */
        public Proof proof(Hash256 block, int shard, int txoff) {
            if (txoff < 0 || txoff >= size) {
                throw new IllegalArgumentException("txoff " + txoff + " outside a shard of " + size + " txs");
            }
            List<Hash256> siblings = new ArrayList<>(Protocol.MERKLE_DEPTH);
            for (int i = 0; i < Protocol.MERKLE_DEPTH; i++) {
                List<Hash256> level = levels.get(i);
                int sibling = (txoff >> i) ^ 1;
                siblings.add(sibling < level.size() ? level.get(sibling) : EMPTY[i]);
            }
            return new Proof(new Position(block, shard, txoff), siblings);
        }
    }

    /** The root a proof leads to from the leaf of {@code tx}, following the txoff bits up. */
    public static Hash256 rootFromProof(Proof proof, TxRefHash tx) {
        Hash256 h = leaf(tx);
        int txoff = proof.position().txoff();
        for (int i = 0; i < Protocol.MERKLE_DEPTH; i++) {
            Hash256 sibling = proof.merkles().get(i);
            h = ((txoff >> i) & 1) != 0 ? node(sibling, h) : node(h, sibling);
        }
        return h;
    }

    /**
     * {@code check_proof_byhash}: the position is inside {@code block} and the proof leads to its
     * shard's merkle root. The caller has found {@code block} by the proof's block id.
     */
    public static boolean check(Proof proof, TxRefHash tx, Block block) {
        Position pos = proof.position();
        if (pos.shard() >= block.numShards() || pos.txoff() >= block.numTxs(pos.shard())) {
            return false;
        }
        return rootFromProof(proof, tx).equals(block.merkles().get(pos.shard()));
    }

    private static List<Hash256> leaves(List<TxRefHash> txs) {
        if (txs.size() > Protocol.MERKLE_LEAVES) {
            throw new IllegalArgumentException("a shard holds at most 256 txs, got " + txs.size());
        }
        List<Hash256> out = new ArrayList<>(txs.size());
        txs.forEach(t -> out.add(leaf(t)));
        return out;
    }

    /** The next level up; a missing right child is the empty subtree of this level. */
    private static List<Hash256> parents(List<Hash256> level, int depth) {
        List<Hash256> up = new ArrayList<>((level.size() + 1) / 2);
        for (int j = 0; j < level.size(); j += 2) {
            up.add(node(level.get(j), j + 1 < level.size() ? level.get(j + 1) : EMPTY[depth]));
        }
        return up;
    }
}
