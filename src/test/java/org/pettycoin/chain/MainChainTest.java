package org.pettycoin.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pettycoin.protocol.BlockCodec;
import org.pettycoin.protocol.Hash256;

/** Block ids, proof of work, prevs and prev_txhashes counts of every main-chain block the C node made. */
class MainChainTest {
    private static List<MainChainVectors.Entry> chain;
    private static Map<Long, Hash256> idByHeight;

    @BeforeAll
    static void load() {
        chain = MainChainVectors.load();
        idByHeight = new HashMap<>();
        idByHeight.put(0L, Network.TESTNET.genesisId());
        chain.forEach(e -> idByHeight.put(e.height(), e.id()));
    }

    @Test
    void coversHeightsOneTo112() {
        assertThat(chain).hasSize(112);
        assertThat(chain.get(111).id().hex())
                .isEqualTo("1f0a2df27f8db8bdaf5d7555c72e3b02594f5ea0fb9fa8cc62d399721d000000");
    }

    @Test
    void blockIdsMatchAndReencodingIsIdentical() {
        for (MainChainVectors.Entry e : chain) {
            assertThat(BlockIds.id(e.block())).as("height %d", e.height()).isEqualTo(e.id());
            assertThat(BlockCodec.encode(e.block())).isEqualTo(e.marshalled());
            assertThat(e.block().height()).isEqualTo(e.height());
            assertThat(e.block().header().parent()).isEqualTo(e.prev());
        }
    }

    @Test
    void everyBlockBeatsItsTarget() {
        for (MainChainVectors.Entry e : chain) {
            long d = e.block().tailer().difficulty();
            assertThat(Difficulty.isValid(d)).isTrue();
            assertThat(Difficulty.beatsTarget(e.id(), d))
                    .as("height %d", e.height())
                    .isTrue();
            // Any id above the target fails: flip a byte above the exponent.
            byte[] worse = e.id().toByteArray();
            worse[31] = 1;
            assertThat(Difficulty.beatsTarget(Hash256.of(worse), d)).isFalse();
        }
    }

    @Test
    void prevsAreTheAncestorsAtPowerOfTwoDistances() {
        for (MainChainVectors.Entry e : chain) {
            List<Hash256> expected = Prevs.forBlockAt(e.height(), idByHeight::get);
            assertThat(e.block().header().prevs()).as("height %d", e.height()).isEqualTo(expected);
            long nonZero = expected.stream().filter(h -> !h.isZero()).count();
            assertThat(nonZero).isEqualTo(Prevs.count(e.height()));
        }
    }

    @Test
    void prevTxhashesCountIsFourPerCoveredBlock() {
        for (MainChainVectors.Entry e : chain) {
            assertThat(e.block().header().numPrevTxhashes())
                    .as("height %d", e.height())
                    .isEqualTo(PrevTxhashes.expectedCount(e.height(), 4));
        }
        assertThat(PrevTxhashes.coveredHeights(1)).containsExactly(0L);
        assertThat(PrevTxhashes.coveredHeights(1000)).hasSize(10).endsWith(488L);
    }
}
