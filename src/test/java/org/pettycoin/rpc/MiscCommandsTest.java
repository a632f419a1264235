package org.pettycoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.chain.Network;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Vectors;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.RpcTestNode;
import org.pettycoin.testing.TestNodes;
import org.pettycoin.testing.WithRpcNode;
import org.slf4j.LoggerFactory;

/** stop, getlog, getpeerinfo, the developer commands, generate on testnet, and requests that are not right. */
@Timeout(30)
class MiscCommandsTest extends WithRpcNode {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What every node of ours says it is in its WELCOME (net's Handshake). */
    private static final String OUR_MONIKER = "ICBINB! pettycoin-java";

    @Test
    void stopRepliesThenAsksTheNodeToShutDown() throws Exception {
        assertThat(n.raw("{\"method\":\"stop\",\"params\":[],\"id\":3}"))
                .isEqualTo("{ \"result\" : \"Shutting down\", \"error\" : null, \"id\" : 3 }\n");
        assertThat(n.stopped.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void devEchoGivesBackItsParameters() throws Exception {
        JsonNode echo = n.result("dev-echo", 1, "two", JSON.readTree("{\"three\":[3]}"));
        assertThat(echo.get("num").asInt()).isEqualTo(3);
        assertThat(echo.get("echo")).isEqualTo(JSON.readTree("[1, \"two\", {\"three\":[3]}]"));
        String named = n.raw("{\"method\":\"dev-echo\",\"params\":{\"a\":null},\"id\":\"x\"}");
        assertThat(named)
                .isEqualTo("{ \"result\" : { \"num\" : 1, \"echo\" : \n\t{ \"a\" : null } }, \"error\" : null, "
                        + "\"id\" : \"x\" }\n");
    }

    @Test
    void getlogShowsTheLogAtOrAboveALevel() throws Exception {
        LoggerFactory.getLogger("rpc-test").info("an info line for getlog");
        LoggerFactory.getLogger("rpc-test").warn("an unusual line for getlog");
        JsonNode log = n.result("getlog");
        assertThat(log.get("creation_time").asText()).matches("\\d+\\.\\d{9}");
        assertThat(log.get("bytes_max").asLong()).isEqualTo(LogRing.MAX_BYTES);
        assertThat(log.get("bytes_used").asLong()).isPositive();
        assertThat(log.get("log")).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("INFO");
            assertThat(e.get("source").asText()).isEqualTo("rpc-test");
            assertThat(e.get("log").asText()).isEqualTo("an info line for getlog");
            assertThat(e.get("time").asText()).matches("\\d+\\.\\d{9}");
        });
        JsonNode unusual = n.result("getlog", "unusual").get("log");
        assertThat(unusual).noneMatch(e -> e.get("type").asText().equals("INFO"));
        assertThat(unusual).anyMatch(e -> e.path("log").asText().equals("an unusual line for getlog"));
        assertThat(unusual)
                .anyMatch(e -> e.get("type").asText().equals("SKIPPED")
                        && e.get("num_skipped").asInt() > 0);
        assertThat(n.error("getlog", "broken")).isEqualTo("Invalid level param");
        assertThat(n.error("getlog", 7)).isEqualTo("Invalid level param");
    }

    @Test
    void getpeerinfoAndListtodoDescribeAConnectedNode() throws Exception {
        assertThat(n.result("getpeerinfo")).isEmpty();
        // Blocks for the other node to sync, so that it times our answers.
        Hash256 tip = TestNodes.mine(n.node, 3).id();
        try (RpcTestNode other = RpcTestNode.start(n.address())) {
            String otherUuid = other.node.uuid().hex();
            JsonNode peers = awaitPeers(n);
            assertThat(peers).hasSize(1);
            JsonNode p = peers.get(0);
            List<String> cFields =
                    List.of("peer_num", "addr", "addrlocal", "uuid", "we_are_syncing", "they_are_syncing", "error");
            List<String> names = new ArrayList<>();
            p.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsSubsequence(cFields);
            Vectors.json("json_getpeerinfo.json")
                    .get(0)
                    .fieldNames()
                    .forEachRemaining(f -> assertThat(cFields.contains(f) || !names.contains(f))
                            .as(f)
                            .isTrue());
            assertThat(p.get("uuid").asText()).isEqualTo(otherUuid);
            assertThat(p.get("addr").asText()).startsWith("::ffff:127.0.0.1:");
            assertThat(p.get("inbound").asBoolean()).isTrue();
            assertThat(p.get("error").asText()).isEqualTo("PROTOCOL_ECODE_NONE");
            assertThat(p.get("listen_port").asInt()).isEqualTo(other.node.port());
            // On the node's clock (here running from 2025), not the system's: when it connected, to the second.
            assertThat(p.get("conntime").asLong())
                    .isBetween(
                            Network.REGTEST.genesisTimestamp(),
                            n.node.options().clock().unixSeconds());
            // What we add: which implementation it is, and its traffic (a welcome each way at least).
            assertThat(p.get("moniker").asText()).isEqualTo(OUR_MONIKER);
            assertThat(p.get("bytes_in").asLong()).isPositive();
            assertThat(p.get("bytes_out").asLong()).isPositive();
            assertThat(awaitPeers(other).get(0).get("inbound").asBoolean()).isFalse();
            Await.until(
                    "synced",
                    Duration.ofSeconds(10),
                    () -> TestNodes.bestId(other.node).equals(tip));
            JsonNode ours = awaitPeers(other).get(0);
            assertThat(ours.get("moniker").asText()).isEqualTo(OUR_MONIKER);
            // It asked us for the blocks: once answered, the round trip is known.
            assertThat(ours.path("roundtrip_ms").isIntegralNumber()).isTrue();
            assertThat(ours.get("roundtrip_ms").asLong()).isNotNegative();
            assertThat(ours.get("bytes_in").asLong())
                    .isGreaterThan(ours.get("bytes_out").asLong());
            // A may dial B too, briefly, before the duplicate is closed: at least the one connection.
            assertThat(n.result("getinfo").get("connections").asInt()).isPositive();
            JsonNode todo = n.result("dev-listtodo");
            assertThat(todo.get("num_todos").asInt()).isNotNegative();
            assertThat(todo.get("for_peers")).anySatisfy(f -> {
                assertThat(f.get("peer_num")).isEqualTo(p.get("peer_num"));
                assertThat(f.get("request_window").asInt()).isPositive();
            });
        }
    }

    private static JsonNode awaitPeers(RpcTestNode node) throws Exception {
        // Each may dial the other once it knows its address: the duplicate is closed soon after.
        Optional<JsonNode> settled = Await.value(
                Duration.ofSeconds(10),
                () -> Optional.of(node.result("getpeerinfo"))
                        .filter(peers -> peers.size() == 1 && peers.get(0).has("uuid")));
        // Not settled: what it reports now, for the assertions to show.
        return settled.isPresent() ? settled.get() : node.result("getpeerinfo");
    }

    @Test
    void badRequestsGetAClearErrorAndTheConnectionCarriesOn() throws Exception {
        try (RpcClient c = n.client()) {
            c.send("{\"method\":\"nosuch\",\"params\":[],\"id\":1}");
            assertThat(c.read().error()).contains("Unknown command 'nosuch'");
            c.send("[1, 2]");
            assertThat(c.read().error())
                    .hasValueSatisfying(e -> assertThat(e).startsWith("a request must be a JSON object"));
            c.send("{\"params\":[],\"id\":1}");
            assertThat(c.read().error()).contains("the request has no 'method' string");
            c.send("{\"method\":7,\"params\":[],\"id\":1}");
            assertThat(c.read().error()).contains("the request has no 'method' string");
            c.send("{\"method\":\"getinfo\",\"params\":\"x\",\"id\":1}");
            assertThat(c.read().error()).contains("'params' must be an array or an object");
            c.send("{\"method\":\"getinfo\",\"params\":[],\"id\":{}}");
            assertThat(c.read().error()).contains("'id' must be a string or a number");
            c.send("   \n\t ");
            // Several requests in one write, answered in order; no params at all is no params.
            c.send("{\"method\":\"getblockhash\",\"params\":[0],\"id\":\"a\"}{\"method\":\"getinfo\",\"id\":\"b\"}");
            RpcClient.Response a = c.read();
            RpcClient.Response b = c.read();
            assertThat(a.id()).isEqualTo(TextNode.valueOf("a"));
            assertThat(a.result().get(0).asText())
                    .isEqualTo(Network.REGTEST.genesisId().hex());
            assertThat(b.id()).isEqualTo(TextNode.valueOf("b"));
            assertThat(b.result().get("network").asText()).isEqualTo("regtest");
        }
    }

    @Test
    void invalidJsonGetsOneErrorThenTheConnectionCloses() throws Exception {
        // Bare words are C's JSON (jsmn's primitives); a bracket closing the wrong container is not.
        String reply = n.raw("{\"method\": getinfo, \"params\": [}");
        assertThat(JSON.readTree(reply).get("error").asText()).startsWith("invalid JSON, closing: ");
        try (RpcClient c = n.client()) {
            c.send("{\"method\": nope] {\"method\":\"getinfo\",\"params\":[],\"id\":1}");
            assertThat(c.read().error()).hasValueSatisfying(e -> assertThat(e).startsWith("invalid JSON"));
            assertThatThrownBy(c::read).isInstanceOf(IOException.class);
        }
        assertThat(n.result("getinfo").get("test_net").asBoolean())
                .as("node unharmed")
                .isTrue();
    }

    @Test
    void generateIsRefusedOnTestnet() throws Exception {
        try (RpcTestNode testnet = RpcTestNode.start(Network.TESTNET)) {
            assertThat(testnet.error("generate", 1))
                    .isEqualTo("generate works only on regtest; this node is on testnet");
            assertThat(testnet.result("getinfo").get("network").asText()).isEqualTo("testnet");
        }
    }
}
