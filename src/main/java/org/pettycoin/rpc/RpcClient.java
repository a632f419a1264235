package org.pettycoin.rpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A JSON-RPC client on the node's unix socket ({@code pettycoin query}, tests): sends requests and
 * reads the responses, one per request, in order.
 */
public final class RpcClient implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A response: its result, or the error text if the command failed, and the id it answers. */
    public record Response(JsonNode result, Optional<String> error, JsonNode id) {
        public boolean ok() {
            return error.isEmpty();
        }
    }

    private final SocketChannel channel;
    private final OutputStream out;
    private final JsonParser in;

    private RpcClient(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.out = Channels.newOutputStream(channel);
        this.in = MAPPER.createParser(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    /** Connects to the socket; fails if no node listens there. */
    public static RpcClient connect(Path socket) throws IOException {
        SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            c.connect(UnixDomainSocketAddress.of(socket));
            return new RpcClient(c);
        } catch (IOException e) {
            c.close();
            throw e;
        }
    }

    /** Sends {@code {"method", "id", "params"}} and waits for its response. */
    public Response call(String method, JsonNode id, ArrayNode params) throws IOException {
        ObjectNode request = MAPPER.createObjectNode();
        request.put("method", method);
        request.set("id", id);
        request.set("params", params);
        send(MAPPER.writeValueAsString(request));
        return read();
    }

    /** Sends text as it is: a request, several, or part of one. */
    public void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads the next response. */
    public Response read() throws IOException {
        if (in.nextToken() == null) {
            throw new IOException("the node closed the connection without answering");
        }
        JsonNode r = MAPPER.readTree(in);
        if (!r.isObject() || !r.has("result") || !r.has("error")) {
            throw new IOException("not a JSON-RPC response: " + r);
        }
        JsonNode error = r.get("error");
        return new Response(
                r.get("result"), error.isNull() ? Optional.empty() : Optional.of(error.asText()), r.path("id"));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
