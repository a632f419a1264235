package org.pettycoin.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.PublicKey;
import org.pettycoin.protocol.Signature;
import org.pettycoin.protocol.Vectors;

/** Signatures under pettycoin's rules, native and BouncyCastle side by side. */
class SignatureTest {
    private static final Secp256k1 NATIVE = Secp256k1.get();
    private static final Secp256k1 BC = Secp256k1.bouncyCastle();
    private static final List<Secp256k1> BOTH = List.of(NATIVE, BC);

    @Test
    void nativeLibraryLoadsHere() {
        // Otherwise the agreement tests below would compare BouncyCastle with itself.
        assertThat(NATIVE.name()).isEqualTo("libsecp256k1");
    }

    /** Signatures made by the C node (pettycoin-tx) verify with both implementations. */
    @Test
    void cNodeSignaturesVerify() {
        int checked = 0;
        for (Vectors.Section s : Vectors.sections("transactions.txt").values()) {
            if (s.all("hex").isEmpty()) {
                continue;
            }
            byte[] tx = Hex.decode(s.get("hex"));
            int sigOff = switch (tx[1] & 0x7f) {
                case 1 -> 40;
                case 3 -> 76;
                default -> 68;
            };
            byte[] signed = new byte[tx.length - 64];
            System.arraycopy(tx, 0, signed, 0, sigOff);
            System.arraycopy(tx, sigOff + 64, signed, sigOff, tx.length - sigOff - 64);
            Hash256 digest = Sha256.doubleSha256(signed);
            PublicKey key = PublicKey.of(Arrays.copyOfRange(tx, 3, 36));
            Signature sig = Signature.of(Arrays.copyOfRange(tx, sigOff, sigOff + 64));
            assertThat(Sha256.doubleSha256(tx).hex()).isEqualTo(s.get("txid"));
            for (Secp256k1 impl : BOTH) {
                assertThat(impl.verify(key, digest, sig))
                        .as("%s %s", s.name(), impl.name())
                        .isTrue();
                byte[] other = digest.toByteArray();
                other[0] ^= 1;
                assertThat(impl.verify(key, Hash256.of(other), sig)).isFalse();
            }
            checked++;
        }
        assertThat(checked).isEqualTo(8);
    }

    @Property(tries = 100)
    void implementationsAgree(@ForAll @Size(32) byte[] seed, @ForAll @Size(32) byte[] digestBytes) {
        PrivateKey key = keyFrom(seed);
        Hash256 digest = Hash256.of(digestBytes);
        PublicKey pub = NATIVE.publicKeyOf(key);
        assertThat(BC.publicKeyOf(key)).isEqualTo(pub);
        for (Secp256k1 signer : BOTH) {
            Signature sig = signer.sign(key, digest);
            assertThat(sig.hasEvenS()).isTrue();
            for (Secp256k1 verifier : BOTH) {
                assertThat(verifier.verify(pub, digest, sig))
                        .as("%s by %s", verifier.name(), signer.name())
                        .isTrue();
            }
        }
    }

    @Property(tries = 200)
    void garbageIsRejectedAlikeAndNeverThrows(
            @ForAll @Size(33) byte[] key, @ForAll @Size(64) byte[] sig, @ForAll @Size(32) byte[] digest) {
        boolean n = NATIVE.verify(PublicKey.of(key), Hash256.of(digest), Signature.of(sig));
        boolean b = BC.verify(PublicKey.of(key), Hash256.of(digest), Signature.of(sig));
        assertThat(n).isEqualTo(b).isFalse();
    }

    @Test
    void oddSIsRejectedAndEvenHighSIsAccepted() {
        SecureRandom random = new SecureRandom();
        int highSeen = 0;
        for (int i = 0; i < 64 && highSeen < 3; i++) {
            PrivateKey key = PrivateKey.random(random);
            PublicKey pub = NATIVE.publicKeyOf(key);
            Hash256 digest = Sha256.doubleSha256(new byte[] {(byte) i});
            Signature sig = NATIVE.sign(key, digest);
            BigInteger s = Curve.s(sig.toByteArray());
            // (r, n − s) is the same ECDSA signature with an odd s: pettycoin refuses it.
            Signature flipped = Signature.of(Curve.encode(Curve.r(sig.toByteArray()), Curve.N.subtract(s)));
            assertThat(flipped.hasEvenS()).isFalse();
            for (Secp256k1 impl : BOTH) {
                assertThat(impl.verify(pub, digest, sig)).isTrue();
                assertThat(impl.verify(pub, digest, flipped)).isFalse();
            }
            if (s.compareTo(Curve.HALF_N) > 0) {
                highSeen++; // an even s above n/2: valid, there is no low-S rule
            }
        }
        assertThat(highSeen).as("even-S signatures above n/2 occur and verify").isPositive();
    }

    @Test
    void outOfRangeScalarsAndBadKeysAreRejected() {
        PrivateKey key = PrivateKey.random(new SecureRandom());
        PublicKey pub = NATIVE.publicKeyOf(key);
        Hash256 digest = Sha256.doubleSha256(new byte[] {1});
        byte[] sig = NATIVE.sign(key, digest).toByteArray();
        byte[] zeroR = sig.clone();
        Arrays.fill(zeroR, 0, 32, (byte) 0);
        byte[] sIsN = Curve.encode(Curve.r(sig), Curve.N.add(BigInteger.ONE)); // even, but ≥ n
        byte[] uncompressedPrefix = pub.toByteArray();
        uncompressedPrefix[0] = 4;
        for (Secp256k1 impl : BOTH) {
            assertThat(impl.verify(pub, digest, Signature.of(zeroR))).isFalse();
            assertThat(impl.verify(pub, digest, Signature.of(sIsN))).isFalse();
            assertThat(impl.verify(PublicKey.of(uncompressedPrefix), digest, Signature.of(sig)))
                    .isFalse();
        }
    }

    private static PrivateKey keyFrom(byte[] seed) {
        BigInteger k =
                new BigInteger(1, seed).mod(Curve.N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        byte[] out = new byte[32];
        byte[] b = k.toByteArray();
        int len = Math.min(32, b.length);
        System.arraycopy(b, b.length - len, out, 32 - len, len);
        return PrivateKey.of(out);
    }
}
