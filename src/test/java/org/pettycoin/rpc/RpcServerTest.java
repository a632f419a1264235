package org.pettycoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.protocol.Hex;
import org.pettycoin.testing.RpcTestNode;

/**
 * The socket itself (mode, in use, stale, removal, path length) and serving many clients at once:
 * fifty concurrent clients, while slow and stuck clients hold connections open.
 */
@Timeout(30)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RpcServerTest {
    private static final int CLIENTS = 50;
    private static final int REQUESTS_EACH = 6;
    private RpcTestNode n;

    @BeforeAll
    void start() throws Exception {
        n = RpcTestNode.start();
        n.result("generate", 2);
    }

    @AfterAll
    void stop() {
        n.close();
    }

    @Test
    void theSocketIsTheOwnersOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(n.socket())))
                .isEqualTo("rw-------");
    }

    @Test
    void aSecondServerOnALiveSocketIsRefused() {
        assertThatThrownBy(() -> RpcServer.start(n.socket(), n.node, () -> {}, Optional.empty()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("in use");
        assertThat(Files.exists(n.socket())).isTrue();
    }

    @Test
    void aStaleSocketIsReplacedAndClosingRemovesIt() throws Exception {
        Path dir = Files.createTempDirectory("rpc");
        Path socket = dir.resolve("s");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(Files.exists(socket)).as("a closed server leaves its file").isTrue();
        try (RpcServer s = RpcServer.start(socket, n.node, () -> {}, Optional.empty());
                RpcClient c = RpcClient.connect(s.socket())) {
            assertThat(c.call("getblockhash", IntNode.valueOf(1), RpcTestNode.params(0))
                            .ok())
                    .isTrue();
        }
        assertThat(Files.exists(socket)).isFalse();
        Files.delete(dir);
    }

    @Test
    void aPathTooLongForAUnixSocketIsReportedClearly() {
        Path longPath = Path.of("/tmp", "x".repeat(120));
        assertThatThrownBy(() -> RpcServer.start(longPath, n.node, () -> {}, Optional.empty()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("more than the 107");
    }

    @Test
    void noNodeMeansTheClientCannotConnect() throws Exception {
        Path dir = Files.createTempDirectory("rpc");
        assertThatThrownBy(() -> RpcClient.connect(dir.resolve("none"))).isInstanceOf(IOException.class);
        Files.delete(dir);
    }

    /** One client's session: a mix of good and bad requests on one connection, each answer checked. */
    private Callable<Integer> client(int i, String tip) {
        return () -> {
            int ok = 0;
            try (RpcClient c = n.client()) {
                for (int r = 0; r < REQUESTS_EACH; r++) {
                    JsonNode id = TextNode.valueOf(i + "/" + r);
                    switch (r % 3) {
                        case 0 -> {
                            RpcClient.Response got = c.call("getinfo", id, RpcTestNode.params());
                            assertThat(got.id()).isEqualTo(id);
                            assertThat(got.result()
                                            .get("preferred_chain")
                                            .get("sha")
                                            .asText())
                                    .isEqualTo(tip);
                        }
                        case 1 -> {
                            RpcClient.Response got = c.call("getblock", id, RpcTestNode.params(tip));
                            assertThat(got.result().get("height").asInt()).isEqualTo(2);
                        }
                        default -> {
                            RpcClient.Response got = c.call("getblock", id, RpcTestNode.params("zz" + i));
                            assertThat(got.error()).contains("Invalid block hex 'zz" + i + "'");
                        }
                    }
                    ok++;
                }
            }
            return ok;
        };
    }

    @Test
    void fiftyClientsAtOnceWhileOthersStallAllGetTheirAnswers() throws Exception {
        String tip = n.result("getinfo").get("preferred_chain").get("sha").asText();
        List<SocketChannel> stuck = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            // One sends half a request and waits; one sends many requests and never reads the answers.
            SocketChannel half = SocketChannel.open(UnixDomainSocketAddress.of(n.socket()));
            half.write(ByteBuffer.wrap("{\"method\":\"getinfo\",\"par".getBytes(StandardCharsets.UTF_8)));
            stuck.add(half);
            SocketChannel deaf = SocketChannel.open(UnixDomainSocketAddress.of(n.socket()));
            deaf.configureBlocking(false);
            byte[] flood = ("{\"method\":\"getblock\",\"params\":[\"" + tip + "\"],\"id\":1}")
                    .repeat(200)
                    .getBytes(StandardCharsets.UTF_8);
            deaf.write(ByteBuffer.wrap(flood));
            stuck.add(deaf);

            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                done.add(pool.submit(client(i, tip)));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get(20, TimeUnit.SECONDS)).isEqualTo(REQUESTS_EACH);
            }
            // The node went on working meanwhile.
            assertThat(n.result("generate", 1)).hasSize(1);
        } finally {
            pool.shutdownNow();
            for (SocketChannel c : stuck) {
                c.close();
            }
        }
    }

    @Test
    void anOversizedRequestIsRefusedAndTheConnectionClosed() throws Exception {
        try (RpcClient c = n.client()) {
            String huge = "{\"method\":\"submitblock\",\"params\":[\""
                    + Hex.encode(new byte[(int) (RpcSession.MAX_REQUEST_BYTES / 2)]) + "\"],\"id\":1}";
            try {
                c.send(huge);
            } catch (IOException closedWhileSending) {
                return; // the server hung up first: also a refusal
            }
            assertThat(c.read().error()).hasValueSatisfying(e -> assertThat(e).startsWith("request larger than"));
        }
    }
}
