package org.pettycoin.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Hex;

/** The prev_txhashes bytes of every main-chain block of run A, recomputed from the known contents. */
class PrevTxhashesTest {
    @Test
    void everyByteOfRunAIsReproduced() throws IOException {
        List<MainChainVectors.Entry> chain = MainChainVectors.load();
        Map<Long, Block> byHeight = new HashMap<>();
        byHeight.put(0L, Network.TESTNET.genesis());
        chain.forEach(e -> byHeight.put(e.height(), e.block()));

        // Contents of the only main-chain blocks with txs (vectors/README: heights 5, 6, 7).
        Map<String, String> tx = txHexes();
        Map<Long, Map<Integer, byte[]>> contents = Map.of(
                5L, Map.of(1, Hex.decode(tx.get("TX1"))),
                6L, Map.of(1, Hex.decode(tx.get("TX2") + "0100000001000000")),
                7L, Map.of(2, Hex.decode(tx.get("TX3") + "0100000001000000")));
        byHeight.forEach((h, b) -> assertThat(b.totalTxs() > 0).as("height %d", h).isEqualTo(contents.containsKey(h)));

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

    /** The hex= line of each [TXn] section of transactions.txt. */
    static Map<String, String> txHexes() throws IOException {
        Map<String, String> out = new HashMap<>();
        String section = null;
        for (String line : Files.readAllLines(MainChainVectors.vectorsDir().resolve("transactions.txt"))) {
            if (line.startsWith("[")) {
                section = line.substring(1, line.indexOf(']'));
            } else if (line.startsWith("hex=") && section != null) {
                out.put(section, line.substring(4).trim());
            }
        }
        return out;
    }
}
