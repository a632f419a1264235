package org.pettycoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.chainstate.LogNode;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.RpcTestNode;
import org.pettycoin.testing.WithRpcNode;
import org.pettycoin.transport.PacketLog;
import org.slf4j.LoggerFactory;

/**
 * getlog at each level on a running node whose console shows info: the ring holds debug and io
 * entries too, each frame in and out with its direction and hex, and each node only its own.
 */
@Timeout(60)
class GetlogLevelsTest extends WithRpcNode {
    @Test
    void everyLevelIsKeptAndEachFrameInAndOutIsLoggedWithItsHex() throws Exception {
        Logger io = (Logger) LoggerFactory.getLogger(PacketLog.LOGGER_NAME);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        io.addAppender(lines);
        try (RpcTestNode other = RpcTestNode.start(n.address())) {
            assertThat(other.node.port()).isPositive();
            Await.until(
                    "a frame each way",
                    Duration.ofSeconds(20),
                    () -> directions(n.result("getlog", "io")).containsAll(List.of("IN", "OUT")));
            LoggerFactory.getLogger("getlog-test").debug("a debug line for getlog");

            JsonNode ioLog = n.result("getlog", "io").get("log");
            assertThat(ioLog).anySatisfy(e -> {
                assertThat(e.get("type").asText()).isEqualTo("IO");
                assertThat(e.get("direction").asText()).isEqualTo("IN");
                assertThat(e.get("log").asText()).matches("IN PROTOCOL_PKT_WELCOME \\d+ bytes .*127\\.0\\.0\\.1.*");
                // A welcome is longer than 512 bytes: its first 512 as hex, then "…".
                assertThat(e.get("data").asText()).matches("[0-9a-f]{1024}…");
            });
            assertThat(ioLog).anyMatch(e -> e.path("log").asText().equals("a debug line for getlog"));
            JsonNode debug = n.result("getlog", "debug").get("log");
            assertThat(debug).anyMatch(e -> e.path("log").asText().equals("a debug line for getlog"));
            assertThat(debug).noneMatch(e -> e.get("type").asText().equals("IO"));
            for (JsonNode info : List.of(
                    n.result("getlog").get("log"), n.result("getlog", "info").get("log"))) {
                assertThat(info)
                        .noneMatch(e ->
                                List.of("IO", "DEBUG").contains(e.get("type").asText()));
                assertThat(info).anyMatch(e -> e.get("type").asText().equals("SKIPPED"));
            }
            assertThat(n.result("getlog", "unusual").get("log"))
                    .allMatch(e -> List.of("UNUSUAL", "BROKEN", "SKIPPED")
                            .contains(e.get("type").asText()));
            // No appender shows io, so the frames went to the ring without a logging event each.
            assertThat(linesSoFar(lines)).isEmpty();

            // With io shown (what --log-level io sets), each frame is a line as well: direction, type,
            // length and peer, then the frame's hex.
            Level before = io.getLevel();
            io.setLevel(Level.TRACE);
            try (RpcTestNode third = RpcTestNode.start(n.address())) {
                assertThat(third.node.port()).isPositive();
                Await.until(
                        "a WELCOME line",
                        Duration.ofSeconds(20),
                        () -> linesSoFar(lines).stream()
                                .anyMatch(e -> e.getFormattedMessage()
                                        .matches("OUT PROTOCOL_PKT_WELCOME (\\d+) bytes \\S*127\\.0\\.0\\.1\\S* "
                                                + "[0-9a-f]{1024}…")));
            } finally {
                io.setLevel(before);
            }
        } finally {
            io.detachAppender(lines);
        }
    }

    @Test
    void inOneJvmEachNodesGetlogHoldsItsOwnEntries() throws Exception {
        LogNode.set(Optional.of("nodeB"));
        RpcTestNode b;
        try {
            b = RpcTestNode.start();
            LoggerFactory.getLogger("getlog-test").info("said by node B");
        } finally {
            LogNode.set(Optional.empty());
        }
        try (RpcTestNode other = b) {
            LoggerFactory.getLogger("getlog-test").info("said by the unnamed node");
            assertThat(texts(other.result("getlog")))
                    .contains("said by node B")
                    .doesNotContain("said by the unnamed node");
            assertThat(texts(n.result("getlog")))
                    .contains("said by the unnamed node")
                    .doesNotContain("said by node B");
        }
    }

    /** What the appender holds now: I/O threads append while the test reads (under the appender's own lock). */
    private static List<ILoggingEvent> linesSoFar(ListAppender<ILoggingEvent> lines) {
        synchronized (lines) {
            return List.copyOf(lines.list);
        }
    }

    private static List<String> directions(JsonNode getlog) {
        List<String> d = new ArrayList<>();
        getlog.get("log").forEach(e -> d.add(e.path("direction").asText()));
        return d;
    }

    private static List<String> texts(JsonNode getlog) {
        List<String> t = new ArrayList<>();
        getlog.get("log").forEach(e -> t.add(e.path("log").asText()));
        return t;
    }
}
