package org.pettycoin.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/** secp256k1's parameters and the pettycoin signature-shape rules shared by both implementations. */
final class Curve {
    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    static final ECDomainParameters DOMAIN =
            new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());
    /** The group order n (odd, so n − s flips the parity of s). */
    static final BigInteger N = PARAMS.getN();

    static final BigInteger HALF_N = N.shiftRight(1);

    private Curve() {}

    /** r ‖ s, each 32 bytes big-endian. */
    static byte[] encode(BigInteger r, BigInteger s) {
        byte[] out = new byte[64];
        copyUnsigned(r, out, 0);
        copyUnsigned(s, out, 32);
        return out;
    }

    private static void copyUnsigned(BigInteger v, byte[] out, int off) {
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, off + 32 - len, len);
    }

    static BigInteger r(byte[] sig) {
        return new BigInteger(1, java.util.Arrays.copyOfRange(sig, 0, 32));
    }

    static BigInteger s(byte[] sig) {
        return new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
    }

    /** The even-S rule (C's signature.c sign_tx): an odd s becomes n − s, which is even. */
    static BigInteger evenS(BigInteger s) {
        return s.testBit(0) ? N.subtract(s) : s;
    }

    /** Both scalars in [1, n − 1], as OpenSSL's ECDSA_do_verify requires. */
    static boolean inRange(BigInteger r, BigInteger s) {
        return r.signum() > 0 && r.compareTo(N) < 0 && s.signum() > 0 && s.compareTo(N) < 0;
    }

    /**
     * The checks both implementations make before any curve arithmetic: even s first (the
     * pettycoin rule), r and s in [1, n − 1], and a compressed-point prefix on the key.
     */
    static boolean shapeOk(org.pettycoin.protocol.PublicKey key, org.pettycoin.protocol.Signature sig) {
        if (!sig.hasEvenS()) {
            return false;
        }
        byte[] raw = sig.toByteArray();
        return inRange(r(raw), s(raw)) && compressedPrefix(key.toByteArray());
    }

    /** A 33-byte key can only be compressed: 0x02 or 0x03 first. */
    static boolean compressedPrefix(byte[] key) {
        return key.length == 33 && (key[0] == 2 || key[0] == 3);
    }
}
