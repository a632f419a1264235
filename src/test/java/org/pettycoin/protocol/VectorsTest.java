package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared vector reader parses every key=value file the way other test packages expect. */
class VectorsTest {
    @Test
    void keysBeforeAnySectionBelongToTheUnnamedOne() {
        Map<String, Vectors.Section> genesis = Vectors.sections("genesis.txt");
        assertThat(genesis).containsOnlyKeys("");
        assertThat(genesis.get("").get("genesis_difficulty")).isEqualTo("0x1d3bffc4");
    }

    @Test
    void sectionsKeepTheirNamesAndValuesTheirEqualsSigns() {
        Map<String, Vectors.Section> keys = Vectors.sections("keys.txt");
        assertThat(keys).containsKeys("helper0", "gateway");
        assertThat(keys.get("helper0").get("pubkey"))
                .isEqualTo("0214f24666a59e62c8b92a0b4b58f2a1cdeb573ea377e42f411be028292ff81926");
        Vectors.Section tx1 = Vectors.sections("transactions.txt").get("TX1");
        assertThat(tx1.all("in_block")).hasSize(2);
        assertThat(tx1.get("unmarshal_ecode")).isEqualTo("0 used=128 len=128");
    }
}
