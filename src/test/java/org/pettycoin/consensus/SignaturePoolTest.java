package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.crypto.Secp256k1;
import org.pettycoin.protocol.GetPeersPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.PublicKey;
import org.pettycoin.protocol.Signature;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxPacket;
import org.pettycoin.testing.TestKeys;
import org.pettycoin.testing.TestTxs;

/** The pool only fills the cache, never blocks its caller, and lets go of everything when closed. */
@Timeout(60)
class SignaturePoolTest {
    private static List<Tx> txs(int n, int seed) {
        List<Tx> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestTxs.fund(TestKeys.key(0x30 + (i % 8)), 1000L + seed * 10_000L + i));
        }
        return out;
    }

    @Test
    void preverifiedTxsAreFoundInTheCacheByTheChecksThatShareIt() throws Exception {
        VerifiedSignatures cache = new VerifiedSignatures(1000);
        TxSigning signing = new TxSigning(Secp256k1.get(), cache);
        List<Tx> txs = txs(40, 1);
        try (SignaturePool pool = new SignaturePool(signing, 2, 100)) {
            pool.preverify(txs).get(30, TimeUnit.SECONDS);
            assertThat(pool.counts()).isEqualTo(new SignaturePool.Counts(40, 0));
        }
        assertThat(cache.size()).isEqualTo(40);
        TxChecks checks = new TxChecks(signing, GatewayPolicy.TESTNET_ACCEPT_ALL);
        for (Tx tx : txs) {
            checks.checkPending(tx);
        }
        assertThat(cache.counts().hits()).isEqualTo(40);
    }

    @Test
    void onlyTxAndTxInBlockPacketsCarryWork() throws Exception {
        Tx tx = txs(1, 2).get(0);
        assertThat(SignaturePool.txsOf(new TxPacket(tx))).containsExactly(tx);
        assertThat(SignaturePool.txsOf(new GetPeersPacket())).isEmpty();
        try (SignaturePool pool = new SignaturePool(new TxSigning(), 1, 10)) {
            assertThat(pool.preverify(new GetPeersPacket()).isDone()).isTrue();
            pool.preverify(new TxPacket(tx)).get(30, TimeUnit.SECONDS);
            assertThat(pool.counts().verified()).isEqualTo(1);
        }
    }

    /** The real secp256k1, each verify waiting until the gate opens (or its thread is interrupted). */
    private record Gated(Secp256k1 real, CountDownLatch gate) implements Secp256k1 {
        @Override
        public PublicKey publicKeyOf(PrivateKey key) {
            return real.publicKeyOf(key);
        }

        @Override
        public Signature sign(PrivateKey key, Hash256 digest) {
            return real.sign(key, digest);
        }

        @Override
        public boolean verify(PublicKey key, Hash256 digest, Signature sig) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.verify(key, digest, sig);
        }

        @Override
        public String name() {
            return "gated " + real.name();
        }
    }

    @Test
    void aFullQueuePassesTxsOverInsteadOfGrowingAndAClosedPoolLetsGoAtOnce() throws Exception {
        VerifiedSignatures cache = new VerifiedSignatures(1000);
        CountDownLatch gate = new CountDownLatch(1);
        SignaturePool pool = new SignaturePool(new TxSigning(new Gated(Secp256k1.get(), gate), cache), 1, 2);
        List<Tx> many = txs(200, 3);
        CompletableFuture<Void> all = pool.preverify(many);
        // One tx on the (held) worker and two queued; the other 197 are left to the node thread.
        assertThat(pool.counts()).isEqualTo(new SignaturePool.Counts(0, 197));
        assertThat(all.isDone()).isFalse();
        pool.close(); // the queued two are dropped, the running one is interrupted and finishes
        all.get(30, TimeUnit.SECONDS);
        assertThat(pool.preverify(txs(3, 4)).isDone()).isTrue();
        assertThat(pool.counts().skipped()).isEqualTo(200);
        assertThat(cache.size()).isLessThanOrEqualTo(1);
        gate.countDown();
    }
}
