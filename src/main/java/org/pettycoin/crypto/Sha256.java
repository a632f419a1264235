package org.pettycoin.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.pettycoin.protocol.Hash256;

/** SHA-256 and double SHA-256, the only hash of ids, merkles, checksums and signatures (C's shadouble.c). */
public final class Sha256 {
    private Sha256() {}

    /** A fresh SHA-256 digest (the JDK's, which uses the CPU's SHA instructions where present). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * One digest per thread for the one-shot hashes below: {@code MessageDigest.getInstance} looks the
     * provider up each time, which cost more than hashing a tx. Each use leaves it reset.
     */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    public static byte[] sha256(byte[]... parts) {
        MessageDigest d = DIGEST.get();
        d.reset(); // in case a previous use threw midway
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.digest();
    }

    /** SHA256(SHA256(parts concatenated)). */
    public static Hash256 doubleSha256(byte[]... parts) {
        MessageDigest d = DIGEST.get();
        d.reset(); // in case a previous use threw midway
        for (byte[] p : parts) {
            d.update(p);
        }
        return Hash256.of(d.digest(d.digest()));
    }
}
