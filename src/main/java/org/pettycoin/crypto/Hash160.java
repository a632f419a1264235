package org.pettycoin.crypto;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.PublicKey;

/** RIPEMD160(SHA256(x)), bitcoin's hash160: how a public key becomes an address (C's addr.h). */
public final class Hash160 {
    private Hash160() {}

    public static byte[] ripemd160(byte[] data) {
        RIPEMD160Digest d = new RIPEMD160Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    /** The address of a compressed public key (single SHA-256, then RIPEMD-160). */
    public static Address addressOf(PublicKey key) {
        return Address.of(ripemd160(Sha256.sha256(key.toByteArray())));
    }
}
