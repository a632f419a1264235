package org.pettycoin.crypto;

import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.PublicKey;
import org.pettycoin.protocol.Signature;

/** Pure-Java secp256k1 (BouncyCastle): the fallback, and the reference the native one is tested against. */
final class BouncyCastleSecp256k1 implements Secp256k1 {
    static final BouncyCastleSecp256k1 INSTANCE = new BouncyCastleSecp256k1();

    private BouncyCastleSecp256k1() {}

    @Override
    public PublicKey publicKeyOf(PrivateKey key) {
        return PublicKey.of(
                Curve.DOMAIN.getG().multiply(key.scalar()).normalize().getEncoded(true));
    }

    @Override
    public Signature sign(PrivateKey key, Hash256 digest) {
        // RFC 6979 nonces: deterministic, and verifiers do not care (C used random ones).
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(key.scalar(), Curve.DOMAIN));
        BigInteger[] rs = signer.generateSignature(digest.toByteArray());
        return Signature.of(Curve.encode(rs[0], Curve.evenS(rs[1])));
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
        ECPoint point;
        try {
            point = Curve.DOMAIN.getCurve().decodePoint(keyBytes);
        } catch (IllegalArgumentException notOnCurve) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(point, Curve.DOMAIN));
        return verifier.verifySignature(digest.toByteArray(), r, s);
    }

    @Override
    public String name() {
        return "BouncyCastle";
    }
}
