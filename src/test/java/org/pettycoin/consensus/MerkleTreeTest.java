package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.pettycoin.crypto.Sha256;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockHeader;
import org.pettycoin.protocol.BlockTailer;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Position;
import org.pettycoin.protocol.Proof;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.TxRefHash;

class MerkleTreeTest {
    @Test
    void emptyShardRootIsTheCValue() {
        assertThat(MerkleTree.EMPTY_SHARD_ROOT.hex())
                .isEqualTo("6d07571dee2e35e1378bc43a8e1388d2fef6b3021cc9924b885d53b2ce390ea8");
        assertThat(MerkleTree.root(List.of())).isEqualTo(MerkleTree.EMPTY_SHARD_ROOT);
        assertThat(MerkleTree.EMPTY_SHARD_ROOT)
                .as("the protocol constant the genesis is built with")
                .isEqualTo(Protocol.EMPTY_SHARD_ROOT);
    }

    @Test
    void rootEqualsTheRecursiveDefinition() {
        for (int n : new int[] {1, 2, 3, 5, 64, 129, 255, 256}) {
            List<TxRefHash> txs = randomTxs(n, new Random(n));
            assertThat(MerkleTree.root(txs)).as("n=%d", n).isEqualTo(recursive(txs, 0, 256));
        }
    }

    @Property(tries = 60)
    void correctProofsVerifyAtEveryPosition(@ForAll @IntRange(min = 1, max = 255) int n, @ForAll long seed) {
        List<TxRefHash> txs = randomTxs(n, new Random(seed));
        Block block = blockWithShard(1, txs);
        Hash256 id = Hash256.of(new byte[32]);
        for (int txoff = 0; txoff < n; txoff++) {
            Proof proof = MerkleTree.proof(id, 1, txs, txoff);
            assertThat(MerkleTree.check(proof, txs.get(txoff), block))
                    .as("txoff %d", txoff)
                    .isTrue();
            // The proof is for this tx only.
            TxRefHash other = txs.get((txoff + 1) % n);
            if (!other.equals(txs.get(txoff))) {
                assertThat(MerkleTree.check(proof, other, block)).isFalse();
            }
        }
    }

    @Test
    void theCBuildersProofsFailFromTxoffTwo() {
        List<TxRefHash> txs = randomTxs(8, new Random(1));
        Block block = blockWithShard(0, txs);
        for (int txoff = 0; txoff < 8; txoff++) {
            Proof c = cStyleProof(txs, txoff);
            // docs/c-differences.md #14: C's create_proof uses subtree 0 when bit i is set and 2^i when
            // clear: right only below 2.
            assertThat(MerkleTree.check(c, txs.get(txoff), block))
                    .as("txoff %d", txoff)
                    .isEqualTo(txoff < 2);
        }
    }

    @Test
    void positionsOutsideTheBlockFail() {
        List<TxRefHash> txs = randomTxs(3, new Random(2));
        Block block = blockWithShard(2, txs);
        Proof good = MerkleTree.proof(Hash256.ZERO, 2, txs, 1);
        Proof badShard = new Proof(new Position(Hash256.ZERO, 4, 1), good.merkles());
        Proof badTxoff = new Proof(new Position(Hash256.ZERO, 2, 3), good.merkles());
        assertThat(MerkleTree.check(good, txs.get(1), block)).isTrue();
        assertThat(MerkleTree.check(badShard, txs.get(1), block)).isFalse();
        assertThat(MerkleTree.check(badTxoff, txs.get(1), block)).isFalse();
        assertThatThrownBy(() -> MerkleTree.proof(Hash256.ZERO, 2, txs, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** C's merkle_recurse.c merkle_recurse, written the same recursive way. */
    private static Hash256 recursive(List<TxRefHash> txs, int off, int num) {
        if (num == 1) {
            return off >= txs.size()
                    ? Hash256.ZERO
                    : Sha256.doubleSha256(
                            txs.get(off).txid().toByteArray(),
                            txs.get(off).refhash().toByteArray());
        }
        int h = num / 2;
        return Sha256.doubleSha256(
                recursive(txs, off, h).toByteArray(), recursive(txs, off + h, h).toByteArray());
    }

    /** The C node's create_proof, reproduced to show which of its proofs verify. */
    private static Proof cStyleProof(List<TxRefHash> txs, int txoff) {
        List<Hash256> merkles = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int start = ((txoff >> i) & 1) != 0 ? 0 : 1 << i;
            merkles.add(recursive(txs, start, 1 << i));
        }
        return new Proof(new Position(Hash256.ZERO, 0, txoff), merkles);
    }

    static List<TxRefHash> randomTxs(int n, Random random) {
        List<TxRefHash> txs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] a = new byte[32];
            byte[] b = new byte[32];
            random.nextBytes(a);
            random.nextBytes(b);
            txs.add(new TxRefHash(Hash256.of(a), Hash256.of(b)));
        }
        return txs;
    }

    private static Block blockWithShard(int shard, List<TxRefHash> txs) {
        byte[] numTxs = new byte[4];
        numTxs[shard] = (byte) txs.size();
        List<Hash256> merkles = new ArrayList<>(List.of(
                MerkleTree.EMPTY_SHARD_ROOT,
                MerkleTree.EMPTY_SHARD_ROOT,
                MerkleTree.EMPTY_SHARD_ROOT,
                MerkleTree.EMPTY_SHARD_ROOT));
        merkles.set(shard, MerkleTree.root(txs));
        BlockHeader h = new BlockHeader(
                0, 2, Bytes.of(new byte[13]), 0, 1, Address.ZERO, java.util.Collections.nCopies(20, Hash256.ZERO));
        return new Block(h, Bytes.of(numTxs), merkles, Bytes.EMPTY, new BlockTailer(0, 0x1fffffffL, 0));
    }
}
