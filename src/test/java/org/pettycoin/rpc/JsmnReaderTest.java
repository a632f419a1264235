package org.pettycoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader accepts what C's non-strict jsmn accepts, refuses what it refuses, and stays bounded. */
class JsmnReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LIMIT = 1 << 20;

    private static List<JsonNode> read(String text) throws JsmnReader.JsmnException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> read(byte[] bytes) throws JsmnReader.JsmnException {
        List<JsonNode> out = new ArrayList<>();
        new JsmnReader(LIMIT).feed(bytes, 0, bytes.length, out);
        return out;
    }

    private static JsonNode one(String text) throws JsmnReader.JsmnException {
        List<JsonNode> all = read(text);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static JsonNode json(String strict) throws Exception {
        return JSON.readTree(strict);
    }

    @Test
    void strictJsonReadsAsJackson() throws Exception {
        String text = "{\"method\":\"getinfo\",\"params\":[1,-2,\"x\",true,false,null,{\"a\":[]}],\"id\":\"7\"}";
        assertThat(one(text)).isEqualTo(json(text));
    }

    @Test
    void separatorsAreWhiteSpaceSoTheyMayBeMissingOrDoubled() throws Exception {
        assertThat(one("{ \"method\" \"getinfo\" \"params\" [] \"id\" 1 }"))
                .isEqualTo(json("{\"method\":\"getinfo\",\"params\":[],\"id\":1}"));
        assertThat(one("[ ,, 1 :: 2 , ]")).isEqualTo(json("[1,2]"));
        assertThat(one("{\"a\",1}")).isEqualTo(json("{\"a\":1}"));
    }

    @Test
    void unquotedTokensArePrimitivesAsTheCClientsSendThem() throws Exception {
        JsonNode a = one("[ 0100ab, 12, 010, -0, 1.5, 1e3, true, nope, null, 99999999999, "
                + "123456789012345678901234567890, tru, a\"b{c ]");
        assertThat(a.get(0)).isInstanceOf(BareToken.class).hasToString("0100ab");
        assertThat(a.get(1)).isEqualTo(IntNode.valueOf(12));
        assertThat(a.get(2))
                .as("a leading zero is C's octal, kept as text")
                .hasToString("010")
                .isInstanceOf(BareToken.class);
        assertThat(a.get(3)).isInstanceOf(BareToken.class).hasToString("-0");
        assertThat(a.get(4)).isInstanceOf(BareToken.class).hasToString("1.5");
        assertThat(a.get(5)).isInstanceOf(BareToken.class).hasToString("1e3");
        assertThat(a.get(6)).isEqualTo(BooleanNode.TRUE);
        assertThat(a.get(7)).isInstanceOf(BareToken.class).hasToString("nope");
        assertThat(a.get(8)).isEqualTo(NullNode.getInstance());
        assertThat(a.get(9)).isEqualTo(LongNode.valueOf(99999999999L));
        assertThat(a.get(10)).isInstanceOf(BigIntegerNode.class).hasToString("123456789012345678901234567890");
        assertThat(a.get(11)).isInstanceOf(BareToken.class).hasToString("tru");
        assertThat(a.get(12))
                .as("only white space, ':', ',', ']' and '}' end a primitive")
                .isInstanceOf(BareToken.class)
                .hasToString("a\"b{c");
        assertThat(a.get(12).asText()).isEqualTo("a\"b{c");
    }

    @Test
    void primitivesEndAtColonsAndClosingBrackets() throws Exception {
        assertThat(one("{method:getinfo}").get("method"))
                .as("a bare name is no string name: not a member")
                .isNull();
        assertThat(one("{\"k\":v}").get("k")).hasToString("v");
        assertThat(one("[[a]b]")).hasSize(2);
        assertThat(one("[[a]b]").get(1)).hasToString("b");
    }

    @Test
    void stringsKeepRawBytesAndDecodeTheirEscapes() throws Exception {
        assertThat(one("[\"tab\there\nnewline\u0001\"]").get(0).textValue()).isEqualTo("tab\there\nnewline\u0001");
        assertThat(one("[\"\\\" \\/ \\\\ \\b \\f \\r \\n \\t \\u0041\\u00e9 \\ud83d\\ude00\"]")
                        .get(0)
                        .textValue())
                .isEqualTo("\" / \\ \b \f \r \n \t A\u00e9 \ud83d\ude00");
        assertThat(one("[\"caf\u00e9 {]}:,\"]").get(0).textValue()).isEqualTo("caf\u00e9 {]}:,");
        byte[] badUtf8 = {'[', '"', 'a', (byte) 0xff, 'b', '"', ']'};
        assertThat(read(badUtf8).get(0).get(0).textValue())
                .as("C took any byte in a string")
                .isEqualTo("a\ufffdb");
        assertThat(one("[\"a\"\"b\"c]")).hasSize(3);
    }

    @Test
    void membersAreTokenPairsWithStringNamesTheFirstWinning() throws Exception {
        JsonNode o = one("{ \"id\" : 1, \"id\" : 2, 3 : \"x\", {\"n\":1} : 4, \"me\\u0074hod\" : \"m\", \"last\" }");
        assertThat(o.get("id")).isEqualTo(IntNode.valueOf(1));
        assertThat(o.size())
                .as("numbers, objects and escaped names never match, a name alone is dropped")
                .isEqualTo(1);
        assertThat(one("{}")).isEqualTo(json("{}"));
    }

    @Test
    void aStreamGivesEachTopLevelValueInOrder() throws Exception {
        List<JsonNode> all = read(" \n{\"a\":1}{\"b\":2} , : [3] \"s\" 4 5");
        assertThat(all)
                .containsExactly(
                        json("{\"a\":1}"),
                        json("{\"b\":2}"),
                        json("[3]"),
                        json("\"s\""),
                        IntNode.valueOf(4),
                        IntNode.valueOf(5));
        assertThat(read(" \t\r\n ,: ")).isEmpty();
    }

    @Test
    void byteByByteReadsTheSameAsAllAtOnce() throws Exception {
        String text = "{ \"method\" : \"sendrawtransaction\", \"id\" : \"1\", "
                + "\"params\" : [ 0100ab, \"\\u00e9\u00e9\" ] }[1 [2 {\"x\" 3}]]";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        JsmnReader r = new JsmnReader(LIMIT);
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            r.feed(bytes, i, 1, out);
        }
        assertThat(r.midRequest()).isFalse();
        assertThat(out).hasSize(2).isEqualTo(read(text));
        assertThat(out.get(0).get("params").get(1).textValue()).isEqualTo("\u00e9\u00e9");
    }

    @Test
    void aPrimitiveInsideAContainerContinuesIntoTheNextBytes() throws Exception {
        JsmnReader r = new JsmnReader(LIMIT);
        List<JsonNode> out = new ArrayList<>();
        r.feed("[01".getBytes(StandardCharsets.US_ASCII), 0, 3, out);
        r.feed("00ab]".getBytes(StandardCharsets.US_ASCII), 0, 5, out);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).get(0)).hasToString("0100ab");
    }

    @Test
    void aTopLevelPrimitiveEndsWithTheBytesReceived() throws Exception {
        JsmnReader r = new JsmnReader(LIMIT);
        List<JsonNode> out = new ArrayList<>();
        r.feed("12".getBytes(StandardCharsets.US_ASCII), 0, 2, out);
        assertThat(r.midRequest()).isFalse();
        r.feed("34".getBytes(StandardCharsets.US_ASCII), 0, 2, out);
        assertThat(out).containsExactly(IntNode.valueOf(12), IntNode.valueOf(34));
    }

    @Test
    void anUnfinishedRequestWaitsForMore() throws Exception {
        for (String partial : List.of("{", "{\"method\":\"get", "[1, [2", "{\"a\":\"\\", "[\"\\u00", "\"open")) {
            JsmnReader r = new JsmnReader(LIMIT);
            List<JsonNode> out = new ArrayList<>();
            byte[] b = partial.getBytes(StandardCharsets.UTF_8);
            r.feed(b, 0, b.length, out);
            assertThat(out).as(partial).isEmpty();
            assertThat(r.midRequest()).as(partial).isTrue();
        }
    }

    private static void refused(byte[] bytes, String message) {
        assertThatThrownBy(() -> read(bytes))
                .isInstanceOfSatisfying(
                        JsmnReader.JsmnException.class,
                        e -> assertThat(e.invalidJson()).isTrue())
                .hasMessage(message);
    }

    private static void refused(String text, String message) {
        refused(text.getBytes(StandardCharsets.UTF_8), message);
    }

    @Test
    void whatJsmnRefusesIsRefusedWithWhereAndWhy() {
        refused("{ ]", "']' closes a '{' at byte 2");
        refused("[ }", "'}' closes a '[' at byte 2");
        refused("]", "']' closes nothing at byte 0");
        refused("{\"a\":1}}", "'}' closes nothing at byte 7");
        refused("[\"\\q\"]", "bad escape 'q' in a string at byte 3");
        refused("[\"\\u12g4\"]", "'g' where a \\u escape needs a hex digit at byte 6");
        refused("[ab\u0001]", "byte 0x01 outside a string at byte 3");
        refused("[\u0007]", "byte 0x07 outside a string at byte 1");
        refused("[a\u007f]", "byte 0x7f outside a string at byte 2");
        refused(new byte[] {'[', 'a', (byte) 0xc3, (byte) 0xa9, ']'}, "byte 0xc3 outside a string at byte 2");
        refused(new byte[] {'{', '"', 'a', '"', 0, '}'}, "NUL byte at byte 4");
        refused(new byte[] {'[', '"', 0, '"', ']'}, "NUL byte at byte 2");
    }

    @Test
    void valuesBeforeTheBadByteAreStillGiven() {
        List<JsonNode> out = new ArrayList<>();
        byte[] b = "{\"a\":1} [2] ]".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> new JsmnReader(LIMIT).feed(b, 0, b.length, out))
                .hasMessage("']' closes nothing at byte 12");
        assertThat(out).hasSize(2);
    }

    @Test
    void requestsAreBoundedInBytesDepthAndTokens() throws Exception {
        byte[] big = ("[" + "a".repeat(100) + "]").getBytes(StandardCharsets.US_ASCII);
        List<JsonNode> out = new ArrayList<>();
        assertThatThrownBy(() -> new JsmnReader(50).feed(big, 0, big.length, out))
                .isInstanceOfSatisfying(
                        JsmnReader.JsmnException.class,
                        e -> assertThat(e.invalidJson()).isFalse())
                .hasMessage("request larger than 50 bytes");
        byte[] fits = ("   [" + "a".repeat(46) + "]   [" + "b".repeat(46) + "]   ").getBytes(StandardCharsets.US_ASCII);
        new JsmnReader(48).feed(fits, 0, fits.length, out);
        assertThat(out)
                .as("the limit is per request; white space between requests is free")
                .hasSize(2);

        String deepest = "[".repeat(JsmnReader.MAX_DEPTH) + "]".repeat(JsmnReader.MAX_DEPTH);
        JsonNode deep = one(deepest);
        for (int i = 1; i < JsmnReader.MAX_DEPTH; i++) {
            deep = deep.get(0);
        }
        assertThat(deep).isEmpty();
        assertThatThrownBy(() -> read("[".repeat(1_000_000)))
                .isInstanceOfSatisfying(
                        JsmnReader.JsmnException.class,
                        e -> assertThat(e.invalidJson()).isFalse())
                .hasMessage("request nested deeper than " + JsmnReader.MAX_DEPTH);

        ByteArrayOutputStream many = new ByteArrayOutputStream();
        many.writeBytes("[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < JsmnReader.MAX_TOKENS; i++) {
            many.writeBytes("1,".getBytes(StandardCharsets.US_ASCII));
        }
        assertThatThrownBy(() -> read(many.toByteArray()))
                .hasMessage("request of more than " + JsmnReader.MAX_TOKENS + " tokens");
        many.reset();
        many.writeBytes("[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < JsmnReader.MAX_TOKENS - 1; i++) {
            many.writeBytes("1,".getBytes(StandardCharsets.US_ASCII));
        }
        many.writeBytes("]".getBytes(StandardCharsets.US_ASCII));
        assertThat(read(many.toByteArray()).get(0)).hasSize(JsmnReader.MAX_TOKENS - 1);
    }
}
