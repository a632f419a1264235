package org.pettycoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestKeys.key;
import static org.pettycoin.testing.TestTxs.fund;
import static org.pettycoin.testing.TestTxs.hex;
import static org.pettycoin.testing.TestTxs.id;
import static org.pettycoin.testing.TestTxs.out;
import static org.pettycoin.testing.TestTxs.pay;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.chain.Network;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.testing.TestKeys;
import org.pettycoin.testing.WithRpcNode;

/**
 * The server fed the exact bytes the C clients write, byte for byte as {@code pettycoin-query.c}
 * and {@code dumbwallet.c} format them (the wallet's tx hex unquoted), answered as the C node
 * answers; and hostile input refused with one line and a close, the node unharmed.
 */
@Timeout(60)
class CClientRequestsTest extends WithRpcNode {
    private static final PrivateKey ALICE = key(2);
    private static final PrivateKey BOB = key(3);
    /** pettycoin-query's id: its name and process id. */
    private static final String QUERY_ID = "pettycoin_query-4242";

    /** pettycoin-query's request: digits-only and {@code "}-led arguments raw, others quoted, as C joins them. */
    private static String query(String method, String... args) {
        StringBuilder s =
                new StringBuilder("{ \"method\" : \"" + method + "\", \"id\" : \"" + QUERY_ID + "\", \"params\" : [ ");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            s.append(a.chars().allMatch(c -> c >= '0' && c <= '9') || a.startsWith("\"") ? a : "\"" + a + "\"");
            if (i != args.length - 1) {
                s.append(", ");
            }
        }
        return s.append("] }").toString();
    }

    /** dumbwallet's balance request. */
    private static String walletList(String address) {
        return "{ \"method\" : \"listtransactions\", \"id\" : \"1\", \"params\" : [ \"" + address + "\", 0 ] }";
    }

    /** dumbwallet's send request: the hex without quotes. */
    private static String walletSend(String txHex) {
        return "{ \"method\" : \"sendrawtransaction\", \"id\" : \"1\", \"params\" : [ " + txHex + " ] }";
    }

    /** Writes {@code bytes}, ends our side, and returns everything the server wrote until it closed. */
    private String exchange(byte[] bytes) throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(n.socket()));
            ByteBuffer b = ByteBuffer.wrap(bytes);
            try {
                while (b.hasRemaining()) {
                    c.write(b);
                }
                c.shutdownOutput();
            } catch (IOException refusedWhileSending) {
                // The server may refuse and close before it has read everything.
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(8192);
            try {
                while (c.read(in.clear()) > 0) {
                    got.write(in.array(), 0, in.position());
                }
            } catch (IOException reset) {
                // A close with our bytes unread resets the connection; what came before it counts.
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    private String exchange(String text) throws IOException {
        return exchange(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String ok(String result, String id) {
        return "{ \"result\" : " + result + ", \"error\" : null, \"id\" : " + id + " }\n";
    }

    private static String failed(String error, String id) {
        return "{ \"result\" : null, \"error\" : \"" + error + "\", \"id\" : " + id + " }\n";
    }

    /** The one value in a response, read as the C clients read it (jsmn). */
    private static JsonNode parsed(String response) throws JsmnReader.JsmnException {
        List<JsonNode> values = new ArrayList<>();
        byte[] b = response.getBytes(StandardCharsets.UTF_8);
        new JsmnReader(b.length).feed(b, 0, b.length, values);
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    @Test
    void theDumbwalletsUnquotedTxHexGetsTheCRunsRepliesByteForByte() throws Exception {
        for (Map.Entry<String, String[]> tx : TxCommandsTest.cInjections().entrySet()) {
            assertThat(exchange(walletSend(tx.getValue()[0]))).as(tx.getKey()).isEqualTo(ok(tx.getValue()[1], "\"1\""));
        }
        assertThat(n.result("getinfo").get("num_pending").asInt()).isEqualTo(4);
        String tx1 = TxCommandsTest.cInjections().get("TX1")[0];
        assertThat(exchange(walletSend(tx1))).isEqualTo(failed("Transaction already known", "\"1\""));
    }

    @Test
    void theDumbwalletsBalanceThenSendOnOneConnectionWork() throws Exception {
        FromGatewayTx funding = fund(ALICE, 1000);
        assertThat(exchange(walletSend(hex(funding)))).isEqualTo(ok("{ \"tx\" : \"" + id(funding) + "\" }", "\"1\""));
        n.result("generate", 1);
        NormalTx toBob = pay(ALICE, BOB, 300, 700, out(funding, 0));
        String both = exchange(walletList(TestKeys.text(ALICE)) + walletSend(hex(toBob)));
        int split = both.indexOf("}\n") + 2;
        JsonNode listed = parsed(both.substring(0, split));
        assertThat(listed.get("error").isNull()).isTrue();
        assertThat(listed.get("id").textValue()).isEqualTo("1");
        JsonNode tx = listed.get("result").get(0);
        assertThat(tx.get("txid").textValue()).isEqualTo(id(funding));
        assertThat(tx.get("type").textValue()).isEqualTo("TX_FROM_GATEWAY");
        assertThat(tx.get("vout").get(0).get("output_addr").textValue()).isEqualTo(TestKeys.text(ALICE));
        assertThat(tx.get("vout").get(0).get("send_amount").intValue()).isEqualTo(1000);
        assertThat(both.substring(split)).isEqualTo(ok("{ \"tx\" : \"" + id(toBob) + "\" }", "\"1\""));
        assertThat(n.result("listtransactions", TestKeys.text(BOB), 0))
                .singleElement()
                .satisfies(t -> assertThat(t.get("txid").asText()).isEqualTo(id(toBob)));
    }

    @Test
    void pettycoinQuerysRequestsGetCsAnswers() throws Exception {
        String getinfo = exchange(query("getinfo"));
        assertThat(getinfo)
                .as("C's query prints the result when this envelope surrounds it")
                .startsWith("{ \"result\" : { ")
                .endsWith(", \"error\" : null, \"id\" : \"" + QUERY_ID + "\" }\n");
        String genesis = Network.REGTEST.genesisId().hex();
        String id = "\"" + QUERY_ID + "\"";
        assertThat(exchange(query("getblockhash", "0"))).isEqualTo(ok("[ \"" + genesis + "\" ]", id));
        assertThat(exchange(query("getblockhash", "\"0\""))).isEqualTo(ok("[ \"" + genesis + "\" ]", id));
        assertThat(exchange(query("getblockhash", "010")))
                .as("strtoul reads 010 as octal 8: no block there")
                .isEqualTo(ok("[  ]", id));
        assertThat(parsed(exchange(query("getblock", genesis)))
                        .get("result")
                        .get("height")
                        .intValue())
                .isZero();
        assertThat(exchange(query("getblock", "zz"))).isEqualTo(failed("Invalid block hex 'zz'", id));
        assertThat(exchange(query("getblockhash"))).isEqualTo(failed("Need height param", id));
        assertThat(exchange(query("nosuch", "1"))).isEqualTo(failed("Unknown command 'nosuch'", id));
        assertThat(parsed(exchange(query("help"))).get("result"))
                .anySatisfy(c -> assertThat(c.get("command").textValue()).isEqualTo("sendrawtransaction"));
        assertThat(parsed(exchange(query("listtransactions", TestKeys.text(ALICE), "0")))
                        .get("result"))
                .isEmpty();
    }

    @Test
    void bareTokensReadAsCsHandlersReadThem() throws Exception {
        String genesis = Network.REGTEST.genesisId().hex();
        assertThat(exchange("{ \"method\" : \"getblockhash\", \"id\" : abc, \"params\" : [ 0x0 ] }"))
                .as("a bare id goes back verbatim, as C wrote its token")
                .isEqualTo(ok("[ \"" + genesis + "\" ]", "abc"));
        assertThat(exchange("{ \"method\" \"getblockhash\" \"id\" 7 \"params\" { \"height\" 0 } }"))
                .isEqualTo(ok("[ \"" + genesis + "\" ]", "7"));
        assertThat(exchange("{ \"method\" : \"getblockhash\", \"id\" : 1, \"params\" : [ nil ] }"))
                .as("json_get_params takes a primitive starting with 'n' for null")
                .isEqualTo(failed("Need height param", "1"));
        assertThat(exchange("{ \"method\" : \"getblock\", \"id\" : 1, \"params\" : [ " + genesis + " ] }"))
                .contains("\"height\" : 0");
        assertThat(exchange("{ \"method\" : \"getblock\", \"id\" : 1, \"params\" : [ 12zz ] }"))
                .isEqualTo(failed("Invalid block hex 12zz", "1"));
        assertThat(exchange("{ \"method\" : \"listtransactions\", \"id\" : 1, \"params\" : [ " + TestKeys.text(ALICE)
                        + " ] }"))
                .as("C wants a string here")
                .isEqualTo(failed("address " + TestKeys.text(ALICE) + " not valid", "1"));
        assertThat(exchange("{ \"method\" : \"getlog\", \"id\" : 1, \"params\" : [ info ] }"))
                .isEqualTo(failed("Invalid level param", "1"));
    }

    /** The error text of the one line a refused client gets; its id is null, the request's being unknown. */
    private static String refusal(String response) {
        String head = "{ \"result\" : null, \"error\" : \"";
        String tail = "\", \"id\" : null }\n";
        return response.startsWith(head) && response.endsWith(tail) && response.indexOf('\n') == response.length() - 1
                ? response.substring(head.length(), response.length() - tail.length())
                : "not a refusal: " + response;
    }

    @Test
    void hostileInputIsRefusedWithOneLineAndAClose() throws Exception {
        assertThat(exchange("{ \"method\" : \"getinfo\", \"id\" : \"1\", \"params\" : [ \"unterminated"))
                .as("an unfinished request when the client hangs up: no answer")
                .isEmpty();
        String wrongBracket = "{ \"method\" : \"getinfo\", \"id\" : 1, \"params\" : [ ] ] }";
        assertThat(refusal(exchange(wrongBracket)))
                .isEqualTo("invalid JSON, closing: ']' closes a '{' at byte " + wrongBracket.lastIndexOf(']'));
        assertThat(refusal(exchange(new byte[] {'{', ' ', '"', 'a', '"', 0, '}'})))
                .isEqualTo("invalid JSON, closing: NUL byte at byte 5");
        assertThat(refusal(exchange("[ \u0001 ]")))
                .isEqualTo("invalid JSON, closing: byte 0x01 outside a string at byte 2");
        assertThat(refusal(exchange("{ \"method\" : \"dev-echo\", \"id\" : 1, \"params\" : " + "[".repeat(100_000))))
                .isEqualTo("request nested deeper than " + JsmnReader.MAX_DEPTH + ", closing");
        assertThat(refusal(exchange("{ \"method\" : \"dev-echo\", \"id\" : 1, \"params\" : [ "
                        + "1 ".repeat(JsmnReader.MAX_TOKENS) + "] }")))
                .isEqualTo("request of more than " + JsmnReader.MAX_TOKENS + " tokens, closing");
        byte[] huge = new byte[(int) RpcSession.MAX_REQUEST_BYTES + 2];
        Arrays.fill(huge, (byte) 'a');
        huge[0] = '[';
        String tooBig = exchange(huge);
        assertThat(tooBig.isEmpty()
                        || refusal(tooBig)
                                .equals("request larger than " + RpcSession.MAX_REQUEST_BYTES + " bytes, closing"))
                .as(tooBig)
                .isTrue();
        // Requests complete before the bad byte are answered; the node is unharmed.
        String thenStray = "{ \"method\" : \"getblockhash\", \"id\" : 1, \"params\" : [ 0 ] } ]";
        String answered = exchange(thenStray);
        String first = ok("[ \"" + Network.REGTEST.genesisId().hex() + "\" ]", "1");
        assertThat(answered).startsWith(first);
        assertThat(refusal(answered.substring(first.length())))
                .isEqualTo("invalid JSON, closing: ']' closes nothing at byte " + thenStray.lastIndexOf(']'));
        assertThat(n.result("getinfo").get("network").asText()).isEqualTo("regtest");
    }
}
