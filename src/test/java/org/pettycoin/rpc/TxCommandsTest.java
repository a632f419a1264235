package org.pettycoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestKeys.key;
import static org.pettycoin.testing.TestTxs.fund;
import static org.pettycoin.testing.TestTxs.hex;
import static org.pettycoin.testing.TestTxs.id;
import static org.pettycoin.testing.TestTxs.out;
import static org.pettycoin.testing.TestTxs.pay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Vectors;
import org.pettycoin.testing.TestKeys;
import org.pettycoin.testing.WithRpcNode;

/** sendrawtransaction, gettransaction and listtransactions, with every error they report. */
@Timeout(30)
class TxCommandsTest extends WithRpcNode {
    private static final PrivateKey ALICE = key(2);
    private static final PrivateKey BOB = key(3);
    private static final PrivateKey CAROL = key(4);

    /** The C run's TXn hex lines and the reply line(s) printed after each. */
    static Map<String, String[]> cInjections() {
        Map<String, String[]> out = new LinkedHashMap<>();
        List<String> lines = Vectors.lines("json_sendrawtransaction.txt");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("TX\\d=.*")) {
                String reply = lines.get(i + 1);
                if (!reply.endsWith("}")) {
                    reply += "\n" + lines.get(i + 2);
                }
                out.put(
                        lines.get(i).substring(0, 3),
                        new String[] {lines.get(i).substring(4).strip(), reply});
            }
        }
        return out;
    }

    private static String request(String method, String param) {
        return "{ \"method\" : \"" + method + "\", \"id\" : \"q\", \"params\" : [ \"" + param + "\" ] }";
    }

    @Test
    void theCRunsTransactionsGetTheCRunsRepliesByteForByte() throws Exception {
        for (Map.Entry<String, String[]> tx : cInjections().entrySet()) {
            String expected = "{ \"result\" : " + tx.getValue()[1] + ", \"error\" : null, \"id\" : \"q\" }\n";
            assertThat(n.raw(request("sendrawtransaction", tx.getValue()[0])))
                    .as(tx.getKey())
                    .isEqualTo(expected);
        }
        assertThat(n.result("getinfo").get("num_pending").asInt()).isEqualTo(4);
        String tx1 = cInjections().get("TX1")[0];
        assertThat(n.error("sendrawtransaction", tx1)).isEqualTo("Transaction already known");
        assertThat(n.error("sendrawtransaction", tx1.toUpperCase(Locale.ROOT)))
                .as("A-F decode right")
                .isEqualTo("Transaction already known");

        // Mined, TX2 reads as the C node printed it, but for where it is.
        n.result("generate", 1);
        n.result("generate", 1);
        JsonNode tx2 = n.result("gettransaction", "1871d7430ce977ba87741f3e862940d50d0f4557f50c550a9e80b995811d45d4");
        ObjectNode expected = (ObjectNode) Vectors.json("json_gettransaction.json");
        assertThat(tx2.get("block").asText())
                .isEqualTo(n.result("getblockhash", 2).get(0).asText());
        assertThat(tx2.get("confirmations").asInt())
                .as("C counts the tip as 0 here")
                .isZero();
        expected.set("block", tx2.get("block"));
        assertThat(tx2).isEqualTo(expected);
        // Its block holds it as C's block 15 held it: same slot, same refs, same merkle.
        JsonNode block2 = n.result("getblock", tx2.get("block").asText());
        JsonNode cBlock = Vectors.json("json_getblock_with_tx.json");
        assertThat(block2.get("shards")).isEqualTo(cBlock.get("shards"));
        assertThat(block2.get("merkles")).isEqualTo(cBlock.get("merkles"));
        // TX1 too, with its own signature where C printed bytes from the wrong offset.
        JsonNode tx1Json =
                n.result("gettransaction", "2bab5819f49f036cca5e5bfbb69c74c356ffb6c40cb4d07ecdfdf1507c8a0730");
        ObjectNode expected1 = (ObjectNode) Vectors.json("json_gettransaction_from_gateway.json");
        assertThat(tx1Json.get("confirmations").asInt()).isEqualTo(1);
        assertThat(tx1Json.get("signature").asText())
                .isNotEqualTo(expected1.get("signature").asText())
                .hasSize(128);
        expected1.set("block", tx1Json.get("block"));
        expected1.set("confirmations", tx1Json.get("confirmations"));
        expected1.set("signature", tx1Json.get("signature"));
        assertThat(tx1Json).isEqualTo(expected1);
        // And listtransactions shows TX2 to its payee as the C node did, tip counted as 1.
        JsonNode listed = n.result("listtransactions", "qX3mDXDsZ8PonKgQfqoiR4HND7HtXjdmWV");
        ObjectNode expectedListed =
                (ObjectNode) Vectors.json("json_listtransactions.json").get(0);
        expectedListed.set("block", tx2.get("block"));
        expectedListed.put("confirmations", 1);
        assertThat(listed).containsExactly(expectedListed);
    }

    @Test
    void sendrawtransactionErrorsAreCsAndTheNodeCarriesOn() throws Exception {
        FromGatewayTx funding = fund(ALICE, 1000);
        assertThat(n.result("sendrawtransaction", hex(funding)).get("tx").asText())
                .isEqualTo(id(funding));
        n.result("generate", 1);

        assertThat(n.error("sendrawtransaction")).isEqualTo("Need a tx parameter");
        assertThat(n.error("sendrawtransaction", "xyz")).isEqualTo("Invalid hex string for tx");
        assertThat(n.error("sendrawtransaction", "012")).isEqualTo("Invalid hex string for tx");
        assertThat(n.error("sendrawtransaction", "00")).isEqualTo("Error unmarshalling tx: PROTOCOL_ECODE_INVALID_LEN");
        String forged = hex(pay(ALICE, BOB, 100, 900, out(funding, 0)));
        int sigAt = 2 * 70;
        forged = forged.substring(0, sigAt) + (forged.charAt(sigAt) == '0' ? '1' : '0') + forged.substring(sigAt + 1);
        assertThat(n.error("sendrawtransaction", forged)).isEqualTo("tx has an error: PROTOCOL_ECODE_TX_BAD_SIG");
        assertThat(n.error("sendrawtransaction", hex(pay(ALICE, BOB, 100, 901, out(funding, 0)))))
                .isEqualTo("Amount does not add up");
        assertThat(n.error("sendrawtransaction", hex(pay(BOB, CAROL, 100, 900, out(funding, 0)))))
                .isEqualTo("Input 0 is invalid");

        NormalTx toBob = pay(ALICE, BOB, 100, 900, out(funding, 0));
        assertThat(n.result("sendrawtransaction", hex(toBob)).get("tx").asText())
                .isEqualTo(id(toBob));
        assertThat(n.error("sendrawtransaction", hex(pay(ALICE, CAROL, 100, 900, out(funding, 0)))))
                .as("against pending")
                .isEqualTo("Input 0 already spent");
        n.result("generate", 1);
        assertThat(n.error("sendrawtransaction", hex(pay(ALICE, CAROL, 100, 900, out(funding, 0)))))
                .as("against the chain")
                .isEqualTo("Input 0 already spent");

        NormalTx fromNowhere = pay(CAROL, BOB, 5, 0, new Input(Hash256.fromHex("77".repeat(32)), 0));
        JsonNode waiting = n.result("sendrawtransaction", hex(fromNowhere));
        assertThat(waiting.get("unknown_input").get("input_num").asInt()).isZero();
        assertThat(waiting.get("unknown_input").get("tx").asText()).isEqualTo("77".repeat(32));
        assertThat(n.result("getinfo").get("num_pending").asInt()).isEqualTo(1);
    }

    @Test
    void gettransactionFindsPendingAndMinedTxs() throws Exception {
        FromGatewayTx funding = fund(ALICE, 1000);
        n.result("sendrawtransaction", hex(funding));
        JsonNode pending = n.result("gettransaction", id(funding));
        assertThat(pending.has("block")).isFalse();
        assertThat(pending.get("confirmations").asInt()).isZero();
        assertThat(pending.get("type").asText()).isEqualTo("TX_FROM_GATEWAY");
        JsonNode ids = n.result("generate", 3);
        JsonNode mined = n.result("gettransaction", id(funding));
        assertThat(mined.get("block")).isEqualTo(ids.get(0));
        assertThat(mined.get("confirmations").asInt()).isEqualTo(2);

        assertThat(n.error("gettransaction")).isEqualTo("Needs 'txid'");
        assertThat(n.error("gettransaction", "nothex")).isEqualTo("txid 'nothex' not valid");
        assertThat(n.error("gettransaction", "12".repeat(32))).isEqualTo("Unknown tx '" + "12".repeat(32) + "'");
    }

    @Test
    void listtransactionsShowsUnspentOutputsToAnAddressOldestFirst() throws Exception {
        FromGatewayTx funding = fund(ALICE, 1000);
        n.result("sendrawtransaction", hex(funding));
        n.result("generate", 1);
        NormalTx toBob = pay(ALICE, BOB, 100, 900, out(funding, 0));
        n.result("sendrawtransaction", hex(toBob));
        String bob = TestKeys.text(BOB);
        assertThat(n.result("listtransactions", bob)).isEmpty();
        assertThat(n.result("listtransactions", bob, 0))
                .singleElement()
                .satisfies(t -> assertThat(t.get("confirmations").asInt()).isZero());
        n.result("generate", 2);
        JsonNode listed = n.result("listtransactions", bob);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("txid").asText()).isEqualTo(id(toBob));
        assertThat(listed.get(0).get("confirmations").asInt())
                .as("tip counts as 1")
                .isEqualTo(2);
        // Alice: the funding is spent, the change of her payment to Bob is not.
        JsonNode alice =
                n.result("listtransactions", AddressCodec.encode(TestKeys.address(ALICE), AddressStyle.BITCOIN_TEST));
        assertThat(alice).extracting(t -> t.get("txid").asText()).containsExactly(id(toBob));
        // Bob spends it: only his new tx's (zero) change still pays him, as C would list it.
        NormalTx toCarol = pay(BOB, CAROL, 100, 0, out(toBob, 0));
        n.result("sendrawtransaction", hex(toCarol));
        n.result("generate", 1);
        assertThat(n.result("listtransactions", bob))
                .extracting(t -> t.get("txid").asText())
                .containsExactly(id(toCarol));
        List<String> carols = new ArrayList<>();
        n.result("listtransactions", TestKeys.text(CAROL), 1)
                .forEach(t -> carols.add(t.get("type").asText()));
        assertThat(carols).containsExactly("TX_NORMAL");

        assertThat(n.error("listtransactions")).isEqualTo("Needs 'address'");
        assertThat(n.error("listtransactions", "nonsense")).isEqualTo("address 'nonsense' not valid");
        assertThat(n.error("listtransactions", 12)).isEqualTo("address 12 not valid");
        String mainnet = AddressCodec.encode(TestKeys.address(BOB), AddressStyle.PETTYCOIN_MAIN);
        assertThat(n.error("listtransactions", mainnet)).isEqualTo("address '" + mainnet + "' not on test net");
        assertThat(n.error("listtransactions", bob, "many")).isEqualTo("minconf 'many' not valid");
    }
}
