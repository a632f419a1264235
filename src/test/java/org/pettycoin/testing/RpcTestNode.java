package org.pettycoin.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.pettycoin.chain.Network;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Address;
import org.pettycoin.rpc.ChainBuilderGenerator;
import org.pettycoin.rpc.RpcClient;
import org.pettycoin.rpc.RpcServer;
import org.pettycoin.store.DataDir;

/**
 * A real node on 127.0.0.1 with its JSON-RPC server, in a short temporary directory (a unix
 * socket path must fit in 107 bytes), with a mock-time clock that starts an hour after the regtest
 * genesis so that mined blocks are inside the horizon (the node is one of {@link TestNodes}).
 * {@code stop} only counts down {@link #stopped}; {@code generate} pays {@link #MINER}.
 */
public final class RpcTestNode implements AutoCloseable {
    public static final Address MINER = TestNodes.MINER;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final TestNodes nodes;
    public final Node node;
    private final RpcServer server;
    public final CountDownLatch stopped = new CountDownLatch(1);

    private RpcTestNode(Path dir, Network network, InetSocketAddress... connect) throws IOException {
        this(dir, network, o -> o, connect);
    }

    private RpcTestNode(
            Path dir,
            Network network,
            java.util.function.UnaryOperator<Node.Options> change,
            InetSocketAddress... connect)
            throws IOException {
        this.dir = dir;
        this.nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS);
        this.node = nodes.start(change.apply(nodes.options(network, "node", connect)));
        try {
            this.server = RpcServer.start(
                    socketIn(dir), node, stopped::countDown, Optional.of(new ChainBuilderGenerator(node, MINER)));
        } catch (IOException e) {
            node.close();
            throw e;
        }
    }

    private static Path socketIn(Path dir) {
        return dir.resolve("node").resolve(DataDir.RPC_FILE_NAME);
    }

    /** A regtest node in a fresh short directory of its own. */
    public static RpcTestNode start(InetSocketAddress... connect) throws IOException {
        return new RpcTestNode(Files.createTempDirectory("rpc"), Network.REGTEST, connect);
    }

    /** A regtest node with options changed by {@code change} (e.g. {@code o -> o.withShards(...)}). */
    public static RpcTestNode start(java.util.function.UnaryOperator<Node.Options> change, InetSocketAddress... connect)
            throws IOException {
        return new RpcTestNode(Files.createTempDirectory("rpc"), Network.REGTEST, change, connect);
    }

    /** A node of {@code network} in a fresh short directory of its own. */
    public static RpcTestNode start(Network network) throws IOException {
        return new RpcTestNode(Files.createTempDirectory("rpc"), network);
    }

    public Path socket() {
        return server.socket();
    }

    public InetSocketAddress address() {
        return TestNodes.address(node);
    }

    public RpcClient client() throws IOException {
        return RpcClient.connect(socket());
    }

    /** One request on a connection of its own. */
    public RpcClient.Response call(String method, Object... params) throws IOException {
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
    public static String readLine(SocketChannel c) throws IOException {
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
    public String error(String method, Object... params) throws IOException {
        RpcClient.Response r = call(method, params);
        if (r.ok()) {
            throw new AssertionError(method + " succeeded: " + r.result());
        }
        return r.error().orElseThrow();
    }

    public static ArrayNode params(Object... params) {
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
        nodes.close();
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
