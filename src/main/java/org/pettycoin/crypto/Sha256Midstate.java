package org.pettycoin.crypto;

import java.security.DigestException;
import java.security.MessageDigest;
import org.pettycoin.protocol.Hash256;

/**
 * SHA256d of a fixed prefix followed by many different tails, absorbing the prefix only once: what a
 * miner needs, since a block id's pre-image changes only in its 12-byte tailer (C's hash_block.c).
 * One instance per thread; it reuses its buffers.
 */
public final class Sha256Midstate {
    private final MessageDigest prefixState;
    private final MessageDigest outer = Sha256.newDigest();
    private final byte[] inner = new byte[32];
    private final byte[] result = new byte[32];

    public Sha256Midstate(byte[] prefix) {
        prefixState = Sha256.newDigest();
        prefixState.update(prefix);
    }

    /** SHA256d(prefix ‖ tail) into a reused array (valid until the next call). */
    public byte[] hashInto(byte[] tail) {
        try {
            MessageDigest d = (MessageDigest) prefixState.clone();
            d.update(tail);
            d.digest(inner, 0, inner.length);
            outer.update(inner);
            outer.digest(result, 0, result.length);
            return result;
        } catch (CloneNotSupportedException | DigestException e) {
            throw new IllegalStateException("the JDK's SHA-256 clones and fits 32 bytes", e);
        }
    }

    /** SHA256d(prefix ‖ tail). */
    public Hash256 hash(byte[] tail) {
        return Hash256.of(hashInto(tail));
    }
}
