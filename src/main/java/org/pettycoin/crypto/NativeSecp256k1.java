package org.pettycoin.crypto;

import java.math.BigInteger;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.PublicKey;
import org.pettycoin.protocol.Signature;

/**
 * libsecp256k1 through ACINQ's JNI binding. libsecp256k1 signs low-S and refuses high-S signatures,
 * while pettycoin wants even-S and accepts any s: so we re-apply even-S after signing and, since
 * (r, s) and (r, n − s) are equally valid ECDSA, normalise to low-S before verifying.
 */
final class NativeSecp256k1 implements Secp256k1 {
    private final fr.acinq.secp256k1.Secp256k1 lib;

    private NativeSecp256k1(fr.acinq.secp256k1.Secp256k1 lib) {
        this.lib = lib;
    }

    /** Loads the native library; throws if it cannot be loaded on this platform. */
    static NativeSecp256k1 load() {
        return new NativeSecp256k1(fr.acinq.secp256k1.Secp256k1.get());
    }

    @Override
    public PublicKey publicKeyOf(PrivateKey key) {
        return PublicKey.of(lib.pubKeyCompress(lib.pubkeyCreate(key.toByteArray())));
    }

    @Override
    public Signature sign(PrivateKey key, Hash256 digest) {
        byte[] sig = lib.sign(digest.toByteArray(), key.toByteArray());
        return Signature.of(Curve.encode(Curve.r(sig), Curve.evenS(Curve.s(sig))));
    }

    @Override
    public boolean verify(PublicKey key, Hash256 digest, Signature sig) {
        if (!Curve.shapeOk(key, sig)) {
            return false;
        }
        byte[] raw = sig.toByteArray();
        BigInteger r = Curve.r(raw);
        BigInteger s = Curve.s(raw);
        byte[] keyBytes = key.toByteArray();
        BigInteger lowS = s.compareTo(Curve.HALF_N) > 0 ? Curve.N.subtract(s) : s;
        try {
            return lib.verify(Curve.encode(r, lowS), digest.toByteArray(), keyBytes);
        } catch (RuntimeException unparsable) {
            // The binding throws when the key is not a point on the curve.
            return false;
        }
    }

    @Override
    public String name() {
        return "libsecp256k1";
    }
}
