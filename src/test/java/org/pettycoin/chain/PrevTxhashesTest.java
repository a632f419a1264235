package org.pettycoin.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Vectors;

/** The prev_txhashes bytes of every main-chain block of run A, recomputed from the known contents. */
class PrevTxhashesTest {
    @Test
    void everyByteOfRunAIsReproduced() {
        List<MainChainVectors.Entry> chain = MainChainVectors.load();
        Map<Long, Block> byHeight = new HashMap<>();
        byHeight.put(0L, Network.TESTNET.genesis());
        chain.forEach(e -> byHeight.put(e.height(), e.block()));

        // Contents of the only main-chain blocks with txs (vectors/README: heights 5, 6, 7).
        Map<String, Vectors.Section> tx = Vectors.sections("transactions.txt");
        Map<Long, Map<Integer, byte[]>> contents = Map.of(
                5L, Map.of(1, Hex.decode(tx.get("TX1").get("hex"))),
                6L, Map.of(1, Hex.decode(tx.get("TX2").get("hex") + "0100000001000000")),
                7L, Map.of(2, Hex.decode(tx.get("TX3").get("hex") + "0100000001000000")));
        byHeight.forEach(
                (h, b) -> assertThat(b.totalTxs() > 0).as("height %d", h).isEqualTo(contents.containsKey(h)));

        int checkedNonEmpty = 0;
        for (MainChainVectors.Entry e : chain) {
            Address feesTo = e.block().header().feesTo();
            List<Integer> expected = new ArrayList<>();
            for (long covered : PrevTxhashes.coveredHeights(e.height())) {
                Map<Integer, byte[]> shards = contents.getOrDefault(covered, Map.of());
                for (int shard = 0; shard < byHeight.get(covered).numShards(); shard++) {
                    byte[] content = shards.get(shard);
                    expected.add(PrevTxhashes.byteFor(feesTo, content == null ? List.of() : List.of(content)));
                    checkedNonEmpty += content == null ? 0 : 1;
                }
            }
            List<Integer> actual = new ArrayList<>();
            for (int i = 0; i < e.block().prevTxhashes().size(); i++) {
                actual.add(e.block().prevTxhashes().getUnsigned(i));
            }
            assertThat(actual).as("height %d", e.height()).isEqualTo(expected);
        }
        assertThat(checkedNonEmpty).isGreaterThan(10);
    }

    @Test
    void emptyShardByteForTheSpecExample() {
        Address feesTo = Address.fromHex("9ec388bb23fed48385b953b313bdd499b508c583");
        assertThat(PrevTxhashes.byteFor(feesTo, List.of())).isEqualTo(0x2a);
    }
}
