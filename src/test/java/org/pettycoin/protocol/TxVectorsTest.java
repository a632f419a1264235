package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The txs of test/standalone/simple_inject.sh as pettycoin-tx made them (vectors/transactions.txt). */
class TxVectorsTest {
    private static final String REFS_KEY = "input_refs_hex=";
    private static final Map<String, Vectors.Section> TXS = Vectors.sections("transactions.txt");

    @ParameterizedTest
    @ValueSource(strings = {"TX1", "TX2", "TX3", "TX4", "B-TX1", "B-TX2", "B-TX3", "B-TX4"})
    void decodesToTheListedKindAndReencodesIdentically(String name) throws ProtocolException {
        Vectors.Section s = TXS.get(name);
        byte[] bytes = Hex.decode(s.get("hex"));
        Tx tx = TxCodec.decode(bytes);
        // "type=1 pays_fee=1"
        String[] kind = s.get("type").split(" pays_fee=", -1);
        assertThat(tx.type().code()).isEqualTo(Integer.parseInt(kind[0]));
        assertThat(tx.paysFee()).isEqualTo(kind[1].equals("1"));
        assertThat(tx.typeByte()).isEqualTo(bytes[1] & 0xff);
        assertThat(TxCodec.length(tx)).isEqualTo(Integer.parseInt(s.get("len"))).isEqualTo(bytes.length);
        assertThat(TxCodec.encode(tx)).isEqualTo(bytes);
    }

    @Test
    void refsTheyWereMinedWithAreOnePerInput() throws ProtocolException {
        // FROM_GATEWAY has no inputs; TX2 and TX3 each spend output 1 of the previous block's tx.
        Map<String, List<InputRef>> expected =
                Map.of("TX1", List.of(), "TX2", List.of(new InputRef(1, 1, 0)), "TX3", List.of(new InputRef(1, 1, 0)));
        for (Map.Entry<String, List<InputRef>> e : expected.entrySet()) {
            Vectors.Section s = TXS.get(e.getKey());
            int inputs = TxCodec.decode(Hex.decode(s.get("hex"))).inputs().size();
            assertThat(s.all("in_block")).isNotEmpty().allSatisfy(inBlock -> {
                byte[] bytes = Hex.decode(inBlock.substring(inBlock.indexOf(REFS_KEY) + REFS_KEY.length()));
                ByteReader r = new ByteReader(bytes);
                assertThat(TxCodec.decodeRefs(r, inputs)).isEqualTo(e.getValue());
                assertThat(r.hasRemaining()).isFalse();
                assertThat(TxCodec.encodeRefs(e.getValue())).isEqualTo(bytes);
            });
        }
    }
}
