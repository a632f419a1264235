package org.pettycoin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.rpc.RpcClient;

/**
 * What a bench reads of a node running in another process, through its JSON-RPC socket: the
 * block it mines on and its outstanding requests ({@code getinfo}), whether it holds a block and a
 * block's parent ({@code getblock}), and {@code generate} to mine. One connection, opened on first
 * use and reopened after a failure, so it can be made before the node is up.
 */
public final class RpcProbe implements AutoCloseable {
    /** How far {@link #onOneChain} walks back from the higher tip: past it the tips count as apart. */
    private static final int MAX_WALK = 256;

    private final Path socket;
    private Optional<RpcClient> client = Optional.empty();
    private long nextId;

    public RpcProbe(Path socket) {
        this.socket = socket;
    }

    public Path socket() {
        return socket;
    }

    /** The node's best block ({@code longest_knowns[0]}) and requests outstanding ({@code num_todos}). */
    public record View(Hash256 tip, long height, int outstanding) {}

    public View view() throws IOException {
        JsonNode info = call("getinfo");
        JsonNode best = info.path("longest_knowns").path(0);
        return new View(
                Hash256.fromHex(best.path("sha").asText()),
                best.path("height").asLong(),
                info.path("num_todos").asInt());
    }

    /** Whether the node answers at all (its RPC socket is up). */
    public boolean answers() {
        try {
            call("getinfo");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A block the node holds in its tree: its height and parent. */
    public record Known(long height, Hash256 parent) {}

    public Optional<Known> block(Hash256 id) throws IOException {
        Optional<JsonNode> b = tryCall("getblock", id.hex());
        return b.map(j -> new Known(
                j.path("height").asLong(),
                Hash256.fromHex(j.path("prevs").path(0).asText())));
    }

    public boolean holds(Hash256 id) throws IOException {
        return block(id).isPresent();
    }

    /**
     * Whether {@code lower} is {@code higher} or one of its last {@value #MAX_WALK} ancestors, as
     * this node knows them: while one node mines, the other's tip trails by the blocks still crossing.
     */
    public boolean onOneChain(View lower, View higher) throws IOException {
        Hash256 at = higher.tip();
        for (int i = 0; i <= MAX_WALK; i++) {
            if (at.equals(lower.tip())) {
                return true;
            }
            Optional<Known> k = block(at);
            if (k.isEmpty() || k.get().height() <= lower.height()) {
                return false;
            }
            at = k.get().parent();
        }
        return false;
    }

    /** Mines one block on the node's best block ({@code generate 1}, regtest). */
    public void mineOne() throws IOException {
        call("generate", 1);
    }

    private JsonNode call(String method, Object... params) throws IOException {
        RpcClient.Response r = request(method, params);
        if (!r.ok()) {
            throw new IOException(method + ": " + r.error().get());
        }
        return r.result();
    }

    /** The result, or empty where the node answered with an error (an unknown block, say). */
    private Optional<JsonNode> tryCall(String method, Object... params) throws IOException {
        RpcClient.Response r = request(method, params);
        return r.ok() ? Optional.of(r.result()) : Optional.empty();
    }

    private RpcClient.Response request(String method, Object... params) throws IOException {
        ArrayNode p = JsonNodeFactory.instance.arrayNode();
        for (Object o : params) {
            if (o instanceof Integer i) {
                p.add(i);
            } else {
                p.add(o.toString());
            }
        }
        try {
            if (client.isEmpty()) {
                client = Optional.of(RpcClient.connect(socket));
            }
            return client.get().call(method, IntNode.valueOf((int) nextId++), p);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        client.ifPresent(c -> {
            try {
                c.close();
            } catch (IOException e) {
                // closing a unix socket we only read from: nothing left to lose
            }
        });
        client = Optional.empty();
    }
}
