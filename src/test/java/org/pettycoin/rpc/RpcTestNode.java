package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.pettycoin.chain.Network;
import org.pettycoin.net.Node;
import org.pettycoin.protocol.Address;
import org.pettycoin.store.DataDir;
import org.pettycoin.time.MockTimeClock;

/**
 * A real node on 127.0.0.1 with its JSON-RPC server, in a short temporary directory (a unix
 * socket path must fit in 107 bytes), with a mock-time clock that starts an hour after the regtest
 * genesis so that mined blocks are inside the horizon. {@code stop} only counts down {@link #stopped}.
 */
public final class RpcTestNode implements AutoCloseable {
    static final Address MINER = Address.fromHex("5a".repeat(20));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BASE = Network.REGTEST.genesisTimestamp() + 3600;

    final Path dir;
    public final Node node;
    final RpcServer server;
    final CountDownLatch stopped = new CountDownLatch(1);
    private final boolean ownsDir;

    private RpcTestNode(Path dir, boolean ownsDir, Network network, List<InetSocketAddress> connect)
            throws IOException {
        this.dir = dir;
        this.ownsDir = ownsDir;
        this.node = Node.start(Node.Options.of(network, dir.resolve("node"), 0, connect)
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withClock(MockTimeClock.startingAt(BASE)));
        try {
            this.server = RpcServer.start(
                    socketIn(dir), node, stopped::countDown, Optional.of(new ChainBuilderGenerator(node, MINER)));
        } catch (IOException e) {
            node.close();
            throw e;
        }
    }

    static Path socketIn(Path dir) {
        return dir.resolve("node").resolve(DataDir.RPC_FILE_NAME);
    }

    /** A regtest node in a fresh short directory of its own. */
    public static RpcTestNode start(InetSocketAddress... connect) throws IOException {
        return new RpcTestNode(Files.createTempDirectory("rpc"), true, Network.REGTEST, List.of(connect));
    }

    static RpcTestNode start(Network network) throws IOException {
        return new RpcTestNode(Files.createTempDirectory("rpc"), true, network, List.of());
    }

    public Path socket() {
        return server.socket();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), node.port());
    }

    RpcClient client() throws IOException {
        return RpcClient.connect(socket());
    }

    /** One request on a connection of its own. */
    RpcClient.Response call(String method, Object... params) throws IOException {
        try (RpcClient c = client()) {
            return c.call(method, TextNode.valueOf("t"), params(params));
        }
    }

    /** The result of a request that must succeed. */
    public JsonNode result(String method, Object... params) throws IOException {
        RpcClient.Response r = call(method, params);
        if (!r.ok()) {
            throw new AssertionError(method + " failed: " + r.error().orElseThrow());
        }
        return r.result();
    }

    /**
     * Sends {@code request} as raw text on a connection of its own and returns the first line the
     * server writes back (empty if it closes without one).
     */
    public String raw(String request) throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket()));
            c.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            return readLine(c);
        }
    }

    /** Reads one whole response: C's text has newlines inside, so read until it parses. */
    static String readLine(SocketChannel c) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (c.read(one.clear()) > 0) {
            text.write(one.get(0));
            if (one.get(0) == '\n' && parses(text.toString(StandardCharsets.UTF_8))) {
                break;
            }
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    private static boolean parses(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The error text of a request that must fail. */
    String error(String method, Object... params) throws IOException {
        RpcClient.Response r = call(method, params);
        if (r.ok()) {
            throw new AssertionError(method + " succeeded: " + r.result());
        }
        return r.error().orElseThrow();
    }

    static ArrayNode params(Object... params) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Object p : params) {
            if (p instanceof JsonNode n) {
                a.add(n);
            } else if (p instanceof Number n) {
                a.add(n.longValue());
            } else {
                a.add(String.valueOf(p));
            }
        }
        return a;
    }

    @Override
    public void close() {
        server.close();
        node.close();
        if (ownsDir) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
