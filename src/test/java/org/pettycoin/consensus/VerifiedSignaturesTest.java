package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.crypto.Secp256k1;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.Signature;
import org.pettycoin.protocol.Tx;
import org.pettycoin.testing.TestKeys;
import org.pettycoin.testing.TestTxs;

/** The cache of verified signatures: bounded, successes only, and a hit only for the very signature verified. */
class VerifiedSignaturesTest {
    private static final PrivateKey ALICE = TestKeys.key(0x21);

    private static Hash256 digest(int n) {
        byte[] b = new byte[32];
        b[0] = (byte) n;
        b[1] = (byte) (n >> 8);
        return Hash256.of(b);
    }

    private static Signature sig(int n) {
        byte[] b = new byte[64];
        b[5] = (byte) n;
        return Signature.of(b);
    }

    @Test
    void holdsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
        VerifiedSignatures cache = new VerifiedSignatures(3);
        cache.add(digest(1), sig(1));
        cache.add(digest(2), sig(2));
        cache.add(digest(3), sig(3));
        assertThat(cache.contains(digest(1), sig(1))).isTrue(); // 1 is now the most recent
        cache.add(digest(4), sig(4));
        cache.add(digest(5), sig(5));
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.contains(digest(1), sig(1))).isTrue();
        assertThat(cache.contains(digest(2), sig(2))).isFalse();
        assertThat(cache.contains(digest(3), sig(3))).isFalse();
        assertThat(cache.contains(digest(5), sig(5))).isTrue();
        for (int i = 0; i < 1000; i++) {
            cache.add(digest(100 + i), sig(i));
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThatThrownBy(() -> new VerifiedSignatures(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDifferentSignatureOverTheSameDigestIsNotAHit() {
        VerifiedSignatures cache = new VerifiedSignatures(10);
        cache.add(digest(1), sig(1));
        assertThat(cache.contains(digest(1), sig(2))).isFalse();
        assertThat(cache.contains(digest(2), sig(1))).isFalse();
        assertThat(cache.counts()).isEqualTo(new VerifiedSignatures.Counts(0, 2));
    }

    @Test
    void aValidSignatureIsVerifiedOnceThenFoundInTheCache() {
        VerifiedSignatures cache = new VerifiedSignatures(10);
        TxSigning signing = new TxSigning(Secp256k1.get(), cache);
        FromGatewayTx tx = TestTxs.fund(ALICE, 1000);
        assertThat(signing.verify(tx)).isTrue();
        assertThat(cache.counts()).isEqualTo(new VerifiedSignatures.Counts(0, 1));
        assertThat(cache.size()).isEqualTo(1);
        assertThat(signing.verify(tx)).isTrue();
        assertThat(cache.counts()).isEqualTo(new VerifiedSignatures.Counts(1, 1));
    }

    @Test
    void aBadSignatureIsNeverCachedAndIsRefusedEveryTime() throws Exception {
        VerifiedSignatures cache = new VerifiedSignatures(10);
        TxSigning signing = new TxSigning(Secp256k1.get(), cache);
        FromGatewayTx good = TestTxs.fund(ALICE, 1000);
        // The same tx with a well-formed signature by another key: same digest, wrong signature.
        Tx forged = good.withSignature(Secp256k1.get().sign(TestKeys.key(0x22), TxHashes.sighash(good)));
        assertThat(forged.signature()).isNotEqualTo(good.signature());
        TxChecks checks = new TxChecks(signing, GatewayPolicy.TESTNET_ACCEPT_ALL);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> checks.checkPending(forged))
                    .isInstanceOfSatisfying(
                            ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TX_BAD_SIG));
        }
        assertThat(cache.size()).isZero();
        assertThat(cache.counts().hits()).isZero();
        // Once the good one is cached, the forged one (same digest) is still not a hit.
        checks.checkPending(good);
        assertThatThrownBy(() -> checks.checkPending(forged)).isInstanceOf(ProtocolException.class);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.counts().hits()).isZero();
    }
}
