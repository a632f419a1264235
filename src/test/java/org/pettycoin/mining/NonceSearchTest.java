package org.pettycoin.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Difficulty;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.BlockIntake;
import org.pettycoin.chainstate.DetachedBlockPool;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockTailer;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.Hash256;

@Timeout(30)
class NonceSearchTest {
    private static final Address TO = Address.fromHex("3a".repeat(20));

    @Test
    void solvesARegtestBlockThatPassesTheHeaderChecks() {
        BlockTree tree = new BlockTree(Network.REGTEST);
        long ts = Network.REGTEST.genesisTimestamp() + 10;
        Block template = new ChainBuilder(tree, TO).template(tree.genesis(), 0);
        Bytes nonce2 = Bytes.fromHex("0102030405060708090a0b0c0d");
        NonceSearch search = new NonceSearch(template, nonce2);
        search.setTimestamp(ts);

        Block solved = search.search(0, 1 << 20);

        assertThat(solved).isNotNull();
        assertThat(solved.header().nonce2()).isEqualTo(nonce2);
        assertThat(solved.tailer().timestamp()).isEqualTo(ts);
        assertThat(Difficulty.beatsTarget(BlockIds.id(solved), solved.tailer().difficulty()))
                .isTrue();
        assertThat(NonceSearch.withNonce2(template, Bytes.of(new byte[13])).header())
                .isEqualTo(template.header());
        BlockIntake intake = new BlockIntake(tree, new DetachedBlockPool(), () -> ts + 60, () -> 0L);
        assertThat(intake.receive(solved).status()).isEqualTo(BlockIntake.Status.ATTACHED);
    }

    @Test
    void theFastTargetTestAgreesWithBeatsTarget() {
        Random random = new Random(42);
        long[] difficulties = {0x1fffffffL, 0x1f010000L, 0x1e123456L, 0x1d3bffc4L, 0x03010000L, 0x04800000L};
        BlockTree tree = new BlockTree(Network.REGTEST);
        Block base = new ChainBuilder(tree, TO).template(tree.genesis(), 0);
        for (long d : difficulties) {
            Block b = new Block(
                    base.header(), base.numTxs(), base.merkles(), base.prevTxhashes(), new BlockTailer(0, d, 0));
            NonceSearch search = new NonceSearch(b, Bytes.of(new byte[13]));
            int exp = Difficulty.exponent(d);
            for (int i = 0; i < 20_000; i++) {
                byte[] id = new byte[Hash256.LENGTH];
                random.nextBytes(id);
                // Zero the top bytes often enough that both answers come up.
                int zeros = random.nextInt(Hash256.LENGTH - exp + 2);
                for (int k = 0; k < zeros; k++) {
                    id[Hash256.LENGTH - 1 - k] = 0;
                }
                if (random.nextInt(4) == 0) {
                    id[exp - 1] = (byte) (Difficulty.mantissa(d) >> 16);
                }
                assertThat(search.beats(id))
                        .as("difficulty %x", d)
                        .isEqualTo(Difficulty.beatsTarget(Hash256.of(id), d));
            }
        }
    }

    @Test
    void nonce2StepsAsALittleEndianCounter() {
        Bytes base = Bytes.fromHex("ffff00000000000000000000ff");
        assertThat(NonceSearch.addToNonce2(base, 1).hex()).isEqualTo("000001000000000000000000ff");
        assertThat(NonceSearch.addToNonce2(base, 0x0102).hex()).isEqualTo("010101000000000000000000ff");
        assertThat(NonceSearch.addToNonce2(Bytes.fromHex("ff".repeat(13)), 1).hex())
                .isEqualTo("00".repeat(13));
        assertThat(NonceSearch.addToNonce2(base, Long.MAX_VALUE).hex()).isEqualTo("feff00000000008000000000ff");
    }

    @Test
    void aSearchStopsAtTheEndOfTheNonce1Range() {
        BlockTree tree = new BlockTree(Network.REGTEST);
        Block base = new ChainBuilder(tree, TO).template(tree.genesis(), 0);
        Block impossible = new Block(
                base.header(), base.numTxs(), base.merkles(), base.prevTxhashes(), new BlockTailer(0, 0x03010000L, 0));
        NonceSearch search = new NonceSearch(impossible, Bytes.of(new byte[13]));
        long start = System.nanoTime();
        assertThat(search.search(NonceSearch.NONCE1_SPACE - 10, 1L << 40)).isNull();
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }
}
