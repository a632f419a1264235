package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxSigning;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.PrivateKeyCodec;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;
import org.pettycoin.protocol.TxType;
import org.pettycoin.protocol.Vectors;
import org.pettycoin.testing.CliRunner;

/** addr, key new and tx, run as a user would run them. */
class OfflineToolsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String GATEWAY_KEY = "P-cRhETWFwVpi7q8Vjs7KqvYYGZC5htvT3ddnd9hJk5znSohTBHRkT";
    private static final String KEY2 = "P-cVxWbCJ11bcQCsz98fkUzozzhkrwd44QZ8ajLe8ZY6FwtsBfy92X";
    private static final String ADDR1 = "P-mopv7T2T7szaYdJNxm7jAF8x16dbMfGerN";
    private static final String ADDR2 = "P-mu1LMYYHAWDvRRRdT4or3vqHYZyQ7YNpEu";

    private static JsonNode ok(String... args) throws Exception {
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.exitCode()).as("%s\n%s", String.join(" ", args), r.err()).isZero();
        return MAPPER.readTree(r.out());
    }

    private static void failsWithOneLine(String expected, String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").contains(expected);
    }

    @Test
    void addrConvertsBothWays() throws Exception {
        JsonNode j = ok("addr", "P-muzRJJzenB7uKzokx21W2QGobfDEZfiH1u");
        assertThat(j.get("converted").asText()).isEqualTo("qY2rAHgFAoHngu4YAo1NPXitGCXiwHT8zW");
        assertThat(j.get("raw").asText()).isEqualTo("9ec388bb23fed48385b953b313bdd499b508c583");
        assertThat(j.get("shard").asInt()).isEqualTo(2);
        assertThat(j.get("shard16").asInt()).isEqualTo(40643);
        assertThat(j.get("network").asText()).isEqualTo("test");
        JsonNode back = ok("addr", "qY2rAHgFAoHngu4YAo1NPXitGCXiwHT8zW");
        assertThat(back.get("converted").asText()).isEqualTo("P-muzRJJzenB7uKzokx21W2QGobfDEZfiH1u");
        assertThat(ok("addr", "PnQF9LbojFdiMA8zbwgyMWJXyv3MW2XJnU")
                        .get("network")
                        .asText())
                .isEqualTo("main");
    }

    @Test
    void addrRefusesGarbage() {
        failsWithOneLine("not a valid", "addr", "qY2rAHgFAoHngu4YAo1NPXitGCXiwHT8zX");
        failsWithOneLine("not a valid", "addr", "hello world");
        assertThat(CliRunner.run("addr").exitCode()).isEqualTo(2);
    }

    @Test
    void keyNewMakesAConsistentKey() throws Exception {
        JsonNode j = ok("key", "new", "--shard", "3");
        assertThat(j.get("shard").asInt()).isEqualTo(3);
        var key = PrivateKeyCodec.decode(j.get("private_key").asText())
                .orElseThrow()
                .key();
        assertThat(PrivateKeyCodec.decode(j.get("private_key_bitcoin_style").asText())
                        .orElseThrow()
                        .key())
                .isEqualTo(key);
        var address =
                AddressCodec.decode(j.get("address").asText()).orElseThrow().address();
        assertThat(address.hex()).isEqualTo(j.get("address_raw").asText());
        assertThat(address.shard(2)).isEqualTo(3);
        failsWithOneLine("--shard", "key", "new", "--shard", "4");
    }

    @Test
    void txBuildsEveryKindWithValidSignatures() throws Exception {
        JsonNode gw = ok("tx", "from-gateway", GATEWAY_KEY, ADDR1, "100");
        Tx g = TxCodec.decode(Hex.decode(gw.get("hex").asText()));
        assertThat(g.type()).isEqualTo(TxType.FROM_GATEWAY);
        assertThat(g.typeByte()).isEqualTo(0x81);
        assertThat(TxHashes.txid(g).hex()).isEqualTo(gw.get("txid").asText());
        // Same layout as the C tool's TX1: only the (random-nonce) signature differs.
        String c = Vectors.sections("transactions.txt").get("TX1").get("hex");
        assertThat(gw.get("hex").asText().substring(0, 80)).isEqualTo(c.substring(0, 80));
        assertThat(gw.get("hex").asText().substring(208)).isEqualTo(c.substring(208));

        JsonNode normal = ok(
                "tx",
                "normal",
                "--no-fee",
                KEY2,
                ADDR2,
                "50",
                "50",
                "raw:" + gw.get("hex").asText());
        NormalTx n = (NormalTx) TxCodec.decode(Hex.decode(normal.get("hex").asText()));
        assertThat(n.paysFee()).isFalse();
        assertThat(n.inputs()).hasSize(1);
        assertThat(n.inputs().get(0).txid()).isEqualTo(TxHashes.txid(g));
        assertThat(n.inputs().get(0).output()).isZero();

        JsonNode toGw = ok(
                "tx", "to-gateway", KEY2, ADDR1, "25", "24", normal.get("txid").asText() + "/1");
        Tx t = TxCodec.decode(Hex.decode(toGw.get("hex").asText()));
        assertThat(t.type()).isEqualTo(TxType.TO_GATEWAY);
        assertThat(t.inputs().get(0).output()).isEqualTo(1);

        JsonNode claim = ok("tx", "claim", KEY2, "7", normal.get("txid").asText() + "/3");
        Tx cl = TxCodec.decode(Hex.decode(claim.get("hex").asText()));
        assertThat(cl.type()).isEqualTo(TxType.CLAIM);

        TxSigning signing = new TxSigning();
        for (Tx tx : new Tx[] {g, n, t, cl}) {
            assertThat(signing.verify(tx)).as(tx.type().name()).isTrue();
        }
        CliRunner.Result hex = CliRunner.run(
                "tx", "claim", "--hex", KEY2, "7", normal.get("txid").asText() + "/3");
        assertThat(hex.out().strip()).matches("[0-9a-f]{280}");
    }

    @Test
    void noFeeGoesBeforeTheKindAsInTheCToolOrAfterIt() throws Exception {
        for (String[] args : new String[][] {
            {"tx", "--no-fee", "from-gateway", GATEWAY_KEY, ADDR1, "100"},
            {"tx", "from-gateway", "--no-fee", GATEWAY_KEY, ADDR1, "100"},
            {"tx", "from-gateway", GATEWAY_KEY, ADDR1, "100", "--no-fee"}
        }) {
            Tx tx = TxCodec.decode(Hex.decode(ok(args).get("hex").asText()));
            assertThat(tx.paysFee()).as(String.join(" ", args)).isFalse();
        }
        assertThat(TxCodec.decode(Hex.decode(ok("tx", "from-gateway", GATEWAY_KEY, ADDR1, "100")
                                .get("hex")
                                .asText()))
                        .paysFee())
                .isTrue();
        String gw =
                ok("tx", "from-gateway", GATEWAY_KEY, ADDR1, "100").get("hex").asText();
        CliRunner.Result cOrder = CliRunner.run("tx", "--no-fee", "tx", KEY2, ADDR2, "50", "50", "raw:" + gw, "--hex");
        assertThat(cOrder.exitCode()).as(cOrder.err()).isZero();
        NormalTx n = (NormalTx) TxCodec.decode(Hex.decode(cOrder.out().strip()));
        assertThat(n.paysFee()).isFalse();
    }

    @Test
    void txRefusesBadArguments() {
        failsWithOneLine("private key", "tx", "from-gateway", "nonsense", ADDR1, "100");
        failsWithOneLine(
                "not for the test network",
                "tx",
                "from-gateway",
                PrivateKeyCodec.encode(
                        PrivateKeyCodec.decode(GATEWAY_KEY).orElseThrow().key(),
                        org.pettycoin.crypto.AddressStyle.PETTYCOIN_MAIN),
                ADDR1,
                "100");
        failsWithOneLine("DEST", "tx", "from-gateway", GATEWAY_KEY, "qXXX", "100");
        failsWithOneLine("AMOUNT", "tx", "from-gateway", GATEWAY_KEY, ADDR1, "-1");
        failsWithOneLine("AMOUNT", "tx", "from-gateway", GATEWAY_KEY, ADDR1, "536870913");
        failsWithOneLine("pairs", "tx", "from-gateway", GATEWAY_KEY, ADDR1, "1", ADDR2);
        failsWithOneLine("bad input", "tx", "normal", KEY2, ADDR2, "1", "1", "abcd");
        failsWithOneLine("bad raw", "tx", "normal", KEY2, ADDR2, "1", "1", "raw:00");
        failsWithOneLine("output number", "tx", "normal", KEY2, ADDR2, "1", "1", "00".repeat(32) + "/x");
    }
}
