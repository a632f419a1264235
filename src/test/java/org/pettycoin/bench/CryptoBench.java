package org.pettycoin.bench;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.Network;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.crypto.Secp256k1;
import org.pettycoin.crypto.Sha256;
import org.pettycoin.crypto.Sha256Midstate;
import org.pettycoin.protocol.BlockCodec;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.PublicKey;
import org.pettycoin.protocol.Signature;

/**
 * Signature and hashing throughput (ops/s): verifies with libsecp256k1 and BouncyCastle, signs, and
 * block ids (the whole 764-byte pre-image, and with a midstate only the 12-byte tailer).
 * Run: {@code mvn -q -Pjmh test-compile exec:exec -Djmh.args=CryptoBench}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Thread)
public class CryptoBench {
    private final Secp256k1 nativeSecp = Secp256k1.get();
    private final Secp256k1 bcSecp = Secp256k1.bouncyCastle();
    private PrivateKey key;
    private PublicKey pub;
    private Hash256 digest;
    private Signature sig;
    private byte[] preimage;
    private byte[] tailer;
    private Sha256Midstate midstate;
    private int nonce;

    @Setup
    public void setUp() {
        key = PrivateKey.random(new SecureRandom());
        pub = nativeSecp.publicKeyOf(key);
        digest = Sha256.doubleSha256(new byte[] {1, 2, 3});
        sig = nativeSecp.sign(key, digest);
        byte[] prefix = BlockIds.prefix(Network.TESTNET.genesis());
        tailer = BlockCodec.encodeTailer(Network.TESTNET.genesis().tailer());
        preimage = new byte[prefix.length + tailer.length];
        System.arraycopy(prefix, 0, preimage, 0, prefix.length);
        System.arraycopy(tailer, 0, preimage, prefix.length, tailer.length);
        midstate = new Sha256Midstate(prefix);
    }

    @Benchmark
    public boolean verifyNative() {
        return nativeSecp.verify(pub, digest, sig);
    }

    @Benchmark
    public boolean verifyBouncyCastle() {
        return bcSecp.verify(pub, digest, sig);
    }

    @Benchmark
    public Signature signNative() {
        return nativeSecp.sign(key, digest);
    }

    @Benchmark
    public Signature signBouncyCastle() {
        return bcSecp.sign(key, digest);
    }

    /** SHA256d of a whole block-id pre-image (764 bytes with 4 shards). */
    @Benchmark
    public Hash256 blockIdFull() {
        return Sha256.doubleSha256(preimage);
    }

    /** What a miner pays per attempt: the midstate plus the 12-byte tailer, nonce varied. */
    @Benchmark
    public byte[] blockIdMidstate() {
        tailer[8] = (byte) nonce++;
        return midstate.hashInto(tailer);
    }
}
