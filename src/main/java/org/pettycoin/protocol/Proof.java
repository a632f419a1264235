package org.pettycoin.protocol;

import java.util.List;

/**
 * {@code protocol_proof} (292 bytes): a position and the 8 sibling subtree roots from leaf level up
 * that connect the tx's leaf to the shard's merkle root (C's proof.c).
 */
public record Proof(Position position, List<Hash256> merkles) {
    public static final int LENGTH = Position.LENGTH + Protocol.MERKLE_DEPTH * Hash256.LENGTH;

    public Proof {
        merkles = List.copyOf(merkles);
        if (merkles.size() != Protocol.MERKLE_DEPTH) {
            throw new IllegalArgumentException("a proof has 8 merkle hashes, got " + merkles.size());
        }
    }
}
