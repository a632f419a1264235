package org.pettycoin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestNodes.address;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Feature;
import org.pettycoin.daemon.Node;
import org.pettycoin.net.HostileClient;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestNodes;

/**
 * The dashboard over real sockets: the page (one file, nothing fetched from elsewhere), the JSON it
 * reads from a node that has a fork, a detached block and a peer, and the live stream of that JSON,
 * which follows the node as it mines and turns away a listener too many.
 */
@Timeout(120)
class DashboardHttpTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXTERNAL =
            Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//|@import|url\\(\\s*[\"']?(https?:)?//");

    @TempDir
    Path dir;

    @Test
    void thePageIsOneFileThatNeedsNothingFromElsewhere() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS);
                HttpEndpoint web = NodeHttp.start(nodes.start("n"), WebClient.loopback())) {
            HttpResponse<String> page = get(web, "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.body()).contains("<svg id=\"tree\"", "<table id=\"peers\"", "api/events", "api/dashboard");
            assertThat(EXTERNAL.matcher(page.body()).find())
                    .as("no external script, style, image or font")
                    .isFalse();
            assertThat(EXTERNAL.matcher("<script src=\"https://cdn.example/x.js\">")
                            .find())
                    .isTrue();
        }
    }

    @Test
    void theJsonShowsTheForkTheHeadsTheDetachedBlockAndThePeer() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS)) {
            Node a = nodes.start("a");
            BlockNode aTip = TestNodes.mine(a, 4);
            Node b = nodes.start("b");
            try (HttpEndpoint web = NodeHttp.start(b, WebClient.loopback(), NodeHttp.Extras.named("bee"))) {
                // b's own branch of two (their votes make them differ from a's), then a's longer one.
                TestNodes.mine(b, 2, Feature.REWARDS.bit());
                b.connect(address(a));
                Await.until(
                        "b has both branches and follows a's",
                        LIMIT,
                        () -> b.call(() -> b.state().tree().size() == 7
                                && b.state().miningHead().id().equals(aTip.id())));
                // A block of a third chain (its vote tells it from a's) whose parent b is never given: detached.
                Node c = nodes.start("c");
                BlockNode cTip = TestNodes.mine(c, 3, 0x80);
                try (HostileClient h = new HostileClient(address(b))) {
                    h.welcome(Optional.empty());
                    h.sendBytes(PacketCodec.encode(new BlockPacket(cTip.block())));
                    Await.until(
                            "b holds c's tip detached",
                            LIMIT,
                            () -> b.call(() -> b.state().detached().contains(cTip.id())));
                }
                Await.until(
                        "b is in step with a",
                        LIMIT,
                        () -> dashboard(web).get("peers").size() == 1
                                && dashboard(web)
                                        .get("peers")
                                        .get(0)
                                        .get("sync")
                                        .asText()
                                        .equals("in step"));

                JsonNode d = dashboard(web);
                assertThat(d.get("node").asText()).isEqualTo("bee");
                assertThat(d.get("network").asText()).isEqualTo("regtest");
                assertThat(d.get("port").asInt()).isEqualTo(b.port());

                JsonNode heads = d.get("heads");
                assertThat(heads.get("preferred").asText()).isEqualTo(aTip.id().hex());
                assertThat(texts(heads.get("longest")))
                        .containsExactly(aTip.id().hex());
                assertThat(texts(heads.get("longest_known"))).contains(aTip.id().hex());
                assertThat(heads.get("longest_height").asLong()).isEqualTo(4);

                JsonNode tree = d.get("tree");
                assertThat(tree.get("from_height").asLong()).isZero();
                assertThat(tree.get("to_height").asLong()).isEqualTo(4);
                assertThat(tree.get("truncated").asBoolean()).isFalse();
                Map<String, JsonNode> blocks = new HashMap<>();
                tree.get("blocks").forEach(x -> blocks.put(x.get("id").asText(), x));
                assertThat(blocks).hasSize(7);
                Map<String, List<Long>> heightsByState = new HashMap<>();
                blocks.values()
                        .forEach(x -> heightsByState
                                .computeIfAbsent(x.get("state").asText(), k -> new ArrayList<>())
                                .add(x.get("height").asLong()));
                assertThat(heightsByState.get("main")).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L);
                assertThat(heightsByState.get("side")).containsExactlyInAnyOrder(1L, 2L);
                assertThat(heightsByState).doesNotContainKey("invalid");
                // Each block names its parent, which is in the tree (the genesis has none).
                for (JsonNode x : blocks.values()) {
                    if (x.get("height").asLong() == 0) {
                        assertThat(x.get("parent").isNull()).isTrue();
                    } else {
                        JsonNode parent = blocks.get(x.get("parent").asText());
                        assertThat(parent).isNotNull();
                        assertThat(parent.get("height").asLong())
                                .isEqualTo(x.get("height").asLong() - 1);
                        if (x.get("state").asText().equals("main")) {
                            assertThat(parent.get("state").asText())
                                    .as("a main block's parent")
                                    .isEqualTo("main");
                        }
                    }
                    assertThat(x.get("all_known").asBoolean()).isTrue();
                    assertThat(x.has("complaint")).isFalse();
                }
                assertThat(blocks.get(aTip.id().hex()).get("state").asText()).isEqualTo("main");

                JsonNode detached = tree.get("detached");
                assertThat(detached).hasSize(1);
                assertThat(detached.get(0).get("id").asText())
                        .isEqualTo(cTip.id().hex());
                assertThat(detached.get(0).get("height").asLong()).isEqualTo(3);
                assertThat(detached.get(0).get("parent").asText())
                        .isEqualTo(cTip.parent().orElseThrow().id().hex());
                assertThat(d.get("detached").get("blocks").asInt()).isEqualTo(1);
                assertThat(d.get("detached").get("bytes").asLong()).isPositive();

                JsonNode peer = d.get("peers").get(0);
                assertThat(peer.get("direction").asText()).isEqualTo("out");
                assertThat(peer.get("address").asText()).isEqualTo("127.0.0.1:" + a.port());
                assertThat(peer.get("welcomed").asBoolean()).isTrue();
                assertThat(peer.get("request_window").asInt()).isPositive();
                assertThat(peer.get("score").asInt()).isZero();
                assertThat(peer.get("java").asBoolean()).isTrue();
                assertThat(peer.get("moniker").asText()).startsWith("ICBINB!");
                assertThat(peer.get("roundtrip_ms").asLong())
                        .as("b asked a for its branch")
                        .isNotNegative();
                var traffic = b.call(() -> b.network().peerInfo().get(0).traffic());
                assertThat(peer.get("bytes_in").asLong()).isPositive().isLessThanOrEqualTo(traffic.bytesIn());
                assertThat(peer.get("bytes_out").asLong()).isPositive().isLessThanOrEqualTo(traffic.bytesOut());

                JsonNode sync = d.get("sync");
                assertThat(sync.get("syncing").asBoolean()).isFalse();
                assertThat(sync.get("height").asLong()).isEqualTo(4);
                assertThat(sync.get("blocks").asInt()).isEqualTo(7);

                assertThat(d.get("pending").get("total").asInt()).isZero();
                assertThat(d.get("pending").get("by_shard")).hasSize(1 << Protocol.INITIAL_SHARD_ORDER);
                assertThat(d.get("miner").get("running").asBoolean()).isFalse();
                assertThat(d.get("log").size()).isBetween(1, DashboardReader.LOG_LINES);
                assertThat(texts(d.get("log"), "text")).anyMatch(t -> t.contains("welcome from"));
            }
        }
    }

    @Test
    void theStreamFollowsTheNodeAndTurnsAwayAListenerTooMany() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS)) {
            Node n = nodes.start("n");
            try (HttpEndpoint web = NodeHttp.start(n, WebClient.loopback())) {
                HttpResponse<InputStream> stream = stream(web);
                assertThat(stream.statusCode()).isEqualTo(200);
                assertThat(stream.headers().firstValue("Content-Type").orElseThrow())
                        .startsWith("text/event-stream");
                try (BufferedReader events =
                        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                    JsonNode first = nextState(events);
                    assertThat(first.get("heads").get("preferred_height").asLong())
                            .isZero();
                    BlockNode tip = TestNodes.mine(n, 2);
                    JsonNode later = first;
                    while (later.get("heads").get("preferred_height").asLong() < 2) {
                        later = nextState(events);
                    }
                    assertThat(later.get("heads").get("preferred").asText())
                            .isEqualTo(tip.id().hex());

                    // Seven more fill the listeners' slots; the next is told 503 and the first still hears.
                    List<HttpResponse<InputStream>> more = new ArrayList<>();
                    try {
                        for (int i = 1; i < EventStream.MAX_LISTENERS; i++) {
                            more.add(stream(web));
                        }
                        assertThat(more).allMatch(r -> r.statusCode() == 200);
                        HttpResponse<String> refused = get(web, "/api/events");
                        assertThat(refused.statusCode()).isEqualTo(503);
                        assertThat(refused.body()).contains("too many live views");
                        assertThat(nextState(events).get("node").asText()).isEqualTo("node on port " + n.port());
                    } finally {
                        for (HttpResponse<InputStream> r : more) {
                            r.body().close();
                        }
                    }
                }
                assertThat(get(web, "/api/dashboard").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void closingTheEndpointEndsAStreamThatIsNotBeingRead() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS)) {
            Node n = nodes.start("n");
            HttpEndpoint web = NodeHttp.start(n, WebClient.loopback());
            HttpResponse<InputStream> stream = stream(web);
            assertThat(stream.statusCode()).isEqualTo(200);
            // Left unread for a few events, then the endpoint closes: the close does not wait on the reader.
            Thread.sleep(1_500); // an event or two are written, and not read
            web.close();
            try (BufferedReader events =
                    new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                boolean ended = false;
                while (!ended && System.nanoTime() < until) {
                    try {
                        ended = events.readLine() == null;
                    } catch (java.io.IOException e) {
                        ended = true;
                    }
                }
                assertThat(ended).as("the stream ended").isTrue();
            }
        }
    }

    /** The data of the next {@code state} event. */
    private static JsonNode nextState(BufferedReader events) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        boolean state = false;
        while (System.nanoTime() < until) {
            String line = events.readLine();
            assertThat(line).as("the stream is still open").isNotNull();
            if (line.equals("event: state")) {
                state = true;
            } else if (state && line.startsWith("data: ")) {
                return JSON.readTree(line.substring("data: ".length()));
            }
        }
        throw new AssertionError("no state event in 20 s");
    }

    private static JsonNode dashboard(HttpEndpoint web) throws Exception {
        HttpResponse<String> r = get(web, "/api/dashboard");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(r.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.get(field).asText()));
        return out;
    }

    private static HttpResponse<String> get(HttpEndpoint web, String path) throws Exception {
        return new WebClient(web).get(path);
    }

    private static HttpResponse<InputStream> stream(HttpEndpoint web) throws Exception {
        return new WebClient(web).stream("/api/events");
    }
}
