package org.pettycoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parameters bind as C's json_get_params binds them, and numbers read as strtoul(…, 0) reads them. */
class ParamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NAMES = List.of("address", "minconf");

    private static Params params(String json) throws Exception {
        return new Params(JSON.readTree(json), NAMES);
    }

    @Test
    void positionalByNamedAndNullIsAbsent() throws Exception {
        assertThat(params("[\"a\", 0]").get("minconf").orElseThrow().asInt()).isZero();
        assertThat(params("[\"a\"]").get("minconf")).isEmpty();
        assertThat(params("[\"a\", null]").get("minconf")).isEmpty();
        assertThat(params("{\"minconf\": 3}").get("minconf").orElseThrow().asInt())
                .isEqualTo(3);
        assertThat(params("{\"minconf\": 3}").get("address")).isEmpty();
        assertThat(params("[\"a\", 1, 2]").count()).isEqualTo(3);
    }

    @Test
    void numbersAreUnsignedIntsInDecimalHexOrOctal() throws Exception {
        assertThat(Params.number(JSON.readTree("12"))).contains(12L);
        assertThat(Params.number(JSON.readTree("\"12\""))).contains(12L);
        assertThat(Params.number(JSON.readTree("\"0x1f\""))).contains(31L);
        assertThat(Params.number(JSON.readTree("\"010\""))).contains(8L);
        assertThat(Params.number(JSON.readTree("\"0\""))).contains(0L);
        assertThat(Params.number(JSON.readTree("4294967295"))).contains(0xffffffffL);
        assertThat(Params.number(JSON.readTree("4294967296"))).isEmpty();
        assertThat(Params.number(JSON.readTree("-1"))).isEmpty();
        assertThat(Params.number(JSON.readTree("1.5"))).isEmpty();
        assertThat(Params.number(JSON.readTree("\"12a\""))).isEmpty();
        assertThat(Params.number(JSON.readTree("\"0x\""))).isEmpty();
        assertThat(Params.number(JSON.readTree("\"\""))).isEmpty();
        assertThat(Params.number(JSON.readTree("true"))).isEmpty();
    }

    @Test
    void bareTokensReadAsTheirTextAsCsHandlersReadThem() {
        Params p = new Params(
                JsonNodeFactory.instance
                        .arrayNode()
                        .add(new BareToken("0100ab"))
                        .add(new BareToken("nothing")),
                NAMES);
        JsonNode hex = p.get("address").orElseThrow();
        assertThat(Params.text(hex)).isEqualTo("0100ab");
        assertThat(Params.shown(hex)).as("unquoted, as C shows a primitive").isEqualTo("0100ab");
        assertThat(p.get("minconf"))
                .as("any primitive starting with 'n' is C's null")
                .isEmpty();
        assertThat(Params.number(new BareToken("010"))).contains(8L);
        assertThat(Params.number(new BareToken("0x1F"))).contains(31L);
        assertThat(Params.number(new BareToken("12a"))).isEmpty();
        assertThat(Params.number(new BareToken("1.5"))).isEmpty();
    }

    @Test
    void errorsShowAStringParameterQuotedAsCDoes() throws Exception {
        assertThat(Params.shown(JSON.readTree("\"xyz\""))).isEqualTo("\"xyz\"");
        assertThat(Params.shown(JSON.readTree("17"))).isEqualTo("17");
        assertThat(Params.text(JSON.readTree("17"))).isEqualTo("17");
    }
}
