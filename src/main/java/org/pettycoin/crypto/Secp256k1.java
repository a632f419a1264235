package org.pettycoin.crypto;

import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.PublicKey;
import org.pettycoin.protocol.Signature;
import org.slf4j.LoggerFactory;

/**
 * ECDSA over secp256k1 with pettycoin's rules (C's signature.c): raw r ‖ s signatures over a 32-byte
 * digest used as-is, compressed public keys, and the even-S rule: a signer replaces an odd s by
 * n − s, a verifier rejects any odd s before anything else. There is no low-S rule.
 */
public interface Secp256k1 {
    /** The compressed public key of {@code key}. */
    PublicKey publicKeyOf(PrivateKey key);

    /** A signature over {@code digest} whose s is even. */
    Signature sign(PrivateKey key, Hash256 digest);

    /**
     * Whether {@code sig} is a valid pettycoin signature of {@code digest} by {@code key}. Never
     * throws: garbage keys or signatures are simply not valid.
     */
    boolean verify(PublicKey key, Hash256 digest, Signature sig);

    /** A name for logs and benchmarks. */
    String name();

    /** The native implementation when libsecp256k1 loads here, else BouncyCastle (with a warning). */
    static Secp256k1 get() {
        return Provider.INSTANCE;
    }

    /** The BouncyCastle implementation, always available. */
    static Secp256k1 bouncyCastle() {
        return BouncyCastleSecp256k1.INSTANCE;
    }

    /** The lazily chosen default. */
    final class Provider {
        static final Secp256k1 INSTANCE = choose();

        private Provider() {}

        private static Secp256k1 choose() {
            try {
                return NativeSecp256k1.load();
            } catch (LinkageError | RuntimeException e) {
                LoggerFactory.getLogger(Secp256k1.class)
                        .warn(
                                "native libsecp256k1 unavailable ({}); using BouncyCastle, about 5x slower",
                                e.toString());
                return BouncyCastleSecp256k1.INSTANCE;
            }
        }
    }
}
