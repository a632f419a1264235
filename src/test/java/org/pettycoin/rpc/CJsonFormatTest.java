package org.pettycoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pettycoin.protocol.Vectors;

/** Our rendering of the C node's own JSON-RPC output gives back its exact text (C's json.c). */
class CJsonFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String text(String file) {
        return new String(Vectors.bytes(file), StandardCharsets.UTF_8).stripTrailing();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "json_help.json",
                "json_getinfo.json",
                "json_getblock_empty.json",
                "json_getblock_with_tx.json",
                "json_getblockhash_1.json",
                "json_getpeerinfo.json",
                "json_gettransaction.json",
                "json_gettransaction_from_gateway.json",
                "json_dev-listtodo.json"
            })
    void reproducesTheCNodesLayout(String file) {
        assertThat(CJsonFormat.format(Vectors.json(file))).isEqualTo(text(file));
    }

    @Test
    void listtransactionsElementsAreRenderedOnTheirOwnAsInC() {
        ArrayNode parsed = (ArrayNode) Vectors.json("json_listtransactions.json");
        ArrayNode ours = RpcJson.array();
        parsed.forEach(tx -> ours.add(CJsonFormat.separate(tx)));
        assertThat(CJsonFormat.format(ours)).isEqualTo(text("json_listtransactions.json"));
    }

    @Test
    void sendrawtransactionRepliesAsInC() throws Exception {
        List<String> lines = Vectors.lines("json_sendrawtransaction.txt");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{")) {
                String reply = lines.get(i) + (lines.get(i).endsWith("}") ? "" : "\n" + lines.get(++i));
                assertThat(CJsonFormat.format(JSON.readTree(reply))).isEqualTo(reply);
            }
        }
    }

    @Test
    void envelopesAreCsWithAnErrorsQuotesTurnedToApostrophes() {
        assertThat(CJsonFormat.success(TextNode.valueOf("Shutting down"), TextNode.valueOf("q-1")))
                .isEqualTo("{ \"result\" : \"Shutting down\", \"error\" : null, \"id\" : \"q-1\" }\n");
        assertThat(CJsonFormat.failure("address \"x\" not valid", IntNode.valueOf(7)))
                .isEqualTo("{ \"result\" : null, \"error\" : \"address 'x' not valid\", \"id\" : 7 }\n");
    }

    @Test
    void stringsAreEscapedSoTheTextIsAlwaysJson() throws Exception {
        JsonNode odd = RpcJson.object().put("log", "a \\ b \"c\"\n\t\u0001");
        String line = CJsonFormat.success(odd, NullNode.getInstance());
        assertThat(JSON.readTree(line).get("result")).isEqualTo(odd);
        assertThat(JSON.readTree(CJsonFormat.failure("back\\slash\nnewline", NullNode.getInstance()))
                        .get("error")
                        .asText())
                .isEqualTo("back\\slash\nnewline");
    }
}
