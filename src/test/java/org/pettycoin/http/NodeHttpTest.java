package org.pettycoin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pettycoin.testing.TestNodes.address;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.Feature;
import org.pettycoin.daemon.Node;
import org.pettycoin.net.HostileClient;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.PacketType;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestNodes;

/**
 * The node's HTTP endpoint over real sockets: 404 and 405, and {@code /metrics} from a node that
 * synced a longer branch from a peer over its own (a fork) and banned a peer, read with the JDK's
 * HTTP client and parsed strictly; the figures are the node's own.
 */
@Timeout(90)
class NodeHttpTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void unknownPathsAre404AndOtherMethods405() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS);
                HttpEndpoint web = NodeHttp.start(nodes.start("n"), WebClient.loopback())) {
            assertThat(get(web, "/nope").statusCode()).isEqualTo(404);
            assertThat(get(web, "/index.html").statusCode()).isEqualTo(404);
            assertThat(get(web, "/metrics/x").statusCode()).isEqualTo(404);
            WebClient c = new WebClient(web);
            HttpResponse<String> post =
                    c.send(HttpRequest.newBuilder(c.uri("/metrics")).POST(HttpRequest.BodyPublishers.ofString("x")));
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET");
            assertThat(c.send(HttpRequest.newBuilder(c.uri("/nope")).DELETE()).statusCode())
                    .isEqualTo(404);
            assertThat(get(web, "/metrics").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void metricsOfANodeThatSyncedAForkAndBannedAPeer() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS)) {
            Node a = nodes.start("a");
            TestNodes.mine(a, 3);
            Node b = nodes.start("b");
            try (HttpEndpoint web = NodeHttp.start(b, WebClient.loopback())) {
                // b's own branch of two (their votes make them differ from a's), then a's longer one.
                TestNodes.mine(b, 2, Feature.REWARDS.bit());
                b.connect(address(a));
                Await.until(
                        "b has both branches and follows a's",
                        LIMIT,
                        () -> b.call(() -> b.state().tree().size() == 6
                                && b.state().miningHead().height() == 3));
                try (HostileClient bad = new HostileClient(address(b))) {
                    bad.welcome(Optional.empty());
                    bad.sendBytes(new byte[] {8, 0, 0, 0, 99, 0, 0, 0}); // no such packet type: a ban
                    assertThat(bad.errorCode(5000)).hasValue(ErrorCode.UNKNOWN_COMMAND.code());
                }
                Await.until(
                        "the ban is counted",
                        LIMIT,
                        () -> b.call(() -> b.network().bans()) >= 1);
                b.call(() -> {
                    b.syncBlockfile();
                    return null;
                });

                PromText m = scrape(web);
                var expected = b.call(() -> new long[] {
                    b.state().tree().size(),
                    b.state().tree().heads().longestChains().get(0).height(),
                    b.state().tree().heads().longestKnowns().get(0).height(),
                    b.state().tree().heads().preferred().height(),
                    b.network().bans(),
                    b.state().pending().size(),
                    b.state().detached().size(),
                    b.blockfileBytes()
                });
                assertThat(m.value("pettycoin_blocks")).hasValue((double) expected[0]);
                assertThat(expected[0]).isEqualTo(6);
                assertThat(m.value("pettycoin_head_height", "head", "longest")).hasValue((double) expected[1]);
                assertThat(m.value("pettycoin_head_height", "head", "longest_known"))
                        .hasValue((double) expected[2]);
                assertThat(m.value("pettycoin_head_height", "head", "preferred"))
                        .hasValue((double) expected[3]);
                assertThat(expected[1]).isEqualTo(3);
                assertThat(m.value("pettycoin_bans_total")).hasValue((double) expected[4]);
                assertThat(m.value("pettycoin_bans_total").orElseThrow()).isGreaterThanOrEqualTo(1);
                assertThat(m.value("pettycoin_pending_txs")).hasValue((double) expected[5]);
                assertThat(m.value("pettycoin_detached_blocks")).hasValue((double) expected[6]);
                assertThat(m.value("pettycoin_blockfile_bytes")).hasValue((double) expected[7]);
                assertThat(expected[7]).isPositive();
                assertThat(m.value("pettycoin_peers", "direction", "outbound")).hasValue(1.0);
                assertThat(m.value("pettycoin_peers", "direction", "inbound")).hasValue(0.0);
                assertThat(m.value("pettycoin_requests_in_flight")).isPresent();
                assertThat(m.value("pettycoin_request_timeouts_total")).isPresent();
                assertThat(m.type("pettycoin_bans_total")).hasValue("counter");
                assertThat(m.type("pettycoin_blocks")).hasValue("gauge");

                assertThat(m.value("pettycoin_peer_bytes_total", "direction", "received")
                                .orElseThrow())
                        .isPositive();
                assertThat(m.value("pettycoin_peer_bytes_total", "direction", "sent")
                                .orElseThrow())
                        .isPositive();
                assertThat(m.value("pettycoin_packets_received_total", "type", "BLOCK")
                                .orElseThrow())
                        .isPositive();
                assertThat(m.value("pettycoin_packet_bytes_received_total", "type", "BLOCK")
                                .orElseThrow())
                        .isPositive();
                assertThat(m.value("pettycoin_packets_sent_total", "type", PacketType.WELCOME.name())
                                .orElseThrow())
                        .isGreaterThanOrEqualTo(2); // to a and to the banned peer
                assertThat(m.series("pettycoin_packets_received_total")).hasSize(29);

                // b appended a's blocks after its endpoint started, and synced them.
                assertThat(m.type("pettycoin_blockfile_sync_seconds")).hasValue("histogram");
                assertThat(m.value("pettycoin_blockfile_sync_seconds_count").orElseThrow())
                        .isGreaterThanOrEqualTo(1);
                assertThat(m.value("pettycoin_blockfile_sync_seconds_bucket", "le", "+Inf"))
                        .isEqualTo(m.value("pettycoin_blockfile_sync_seconds_count"));
                // And the JVM's.
                assertThat(m.type("jvm_threads_current")).hasValue("gauge");
                assertThat(m.type("jvm_memory_used_bytes")).hasValue("gauge");
            }
        }
    }

    @Test
    void theReaderIsStrict() {
        assertThat(PromText.parse("# TYPE x gauge\nx{a=\"1\"} 2\n").value("x", "a", "1"))
                .hasValue(2.0);
        assertThatThrownBy(() -> PromText.parse("x 1\n")).hasMessageContaining("no TYPEd family");
        assertThatThrownBy(() -> PromText.parse("# TYPE x gauge\nx{a=1} 2\n")).hasMessageContaining("bad label");
        assertThatThrownBy(() -> PromText.parse("# TYPE x gauge\nx 2 3 4\n")).hasMessageContaining("not a sample");
        assertThatThrownBy(() -> PromText.parse("# TYPE x gauge\nx one\n")).hasMessageContaining("bad value");
        assertThatThrownBy(() -> PromText.parse("# TYPE x gauge\nx 1\nx 2\n")).hasMessageContaining("twice");
        assertThatThrownBy(() -> PromText.parse("# TYPE x gauge\nx 1")).hasMessageContaining("newline");
    }

    private PromText scrape(HttpEndpoint web) throws Exception {
        HttpResponse<String> r = get(web, "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        return PromText.parse(r.body());
    }

    private HttpResponse<String> get(HttpEndpoint web, String path) throws Exception {
        return new WebClient(web).get(path);
    }
}
