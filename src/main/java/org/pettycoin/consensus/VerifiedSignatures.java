package org.pettycoin.consensus;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Signature;

/**
 * Signatures already found valid, so that a tx checked once (by the signature pool ahead of the node
 * thread, or as a loose tx before it is seen in a block) is not verified by secp256k1 again. Only
 * successes are recorded: a bad signature is verified (and refused) every time it is seen.
 *
 * <p>An entry is the signed digest ({@link TxHashes#sighash}) with the signature: the digest covers the
 * signing key and every byte of the tx but the signature, so the pair names exactly one (key, digest,
 * signature) verification, and a different signature over the same tx is not a hit. The digest is what a
 * verification computes anyway, so a miss costs no hashing beyond it.
 *
 * <p>Bounded (least recently used out first), O(1) per call, and thread-safe: the pool's workers add
 * while the node thread looks up. About 250 bytes an entry, so the default holds at most ~25 MiB.
 */
public final class VerifiedSignatures {
    /** Room for the txs of several hundred full blocks, or a full pending pool several times over. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    private final Map<Hash256, Signature> entries;
    private long hits;
    private long misses;

    public VerifiedSignatures(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Hash256, Signature> eldest) {
                return size() > VerifiedSignatures.this.capacity;
            }
        };
    }

    public VerifiedSignatures() {
        this(DEFAULT_CAPACITY);
    }

    /** Whether {@code sig} over {@code digest} was recorded as valid (and still is in the cache). */
    public synchronized boolean contains(Hash256 digest, Signature sig) {
        boolean hit = sig.equals(entries.get(digest));
        if (hit) {
            hits++;
        } else {
            misses++;
        }
        return hit;
    }

    /** Records that {@code sig} is a valid signature over {@code digest}; call only after a successful verify. */
    public synchronized void add(Hash256 digest, Signature sig) {
        entries.put(digest, sig);
    }

    public synchronized int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }

    /** Lookups so far that found their signature, and those that did not. */
    public synchronized Counts counts() {
        return new Counts(hits, misses);
    }

    public record Counts(long hits, long misses) {}
}
