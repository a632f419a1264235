package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pettycoin.protocol.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection (C's {@code jcon}): reads a stream of requests in the C node's JSON
 * language ({@link JsmnReader}), answers each in order with one line, until the client hangs up.
 * Runs on its own thread, so it may block on the client as long as it likes. Input the C parser
 * refuses, or a request over the bounds, gets one error line (C closed without a word), then the
 * connection is closed, because the stream cannot be resynchronised after it.
 */
final class RpcSession implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcSession.class);
    /**
     * Largest request: the hex of the largest block (twice PROTOCOL_MAX_PACKET_LEN characters) with
     * room for the envelope. A client may send nothing bigger; the node holds at most this per client.
     */
    static final long MAX_REQUEST_BYTES = 2L * Protocol.MAX_PACKET_LEN + 64 * 1024;

    private static final int READ_CHUNK = 64 * 1024;

    private final SocketChannel channel;
    private final RpcCommands commands;
    private final Runnable onStop;

    RpcSession(SocketChannel channel, RpcCommands commands, Runnable onStop) {
        this.channel = channel;
        this.commands = commands;
        this.onStop = onStop;
    }

    @Override
    public void run() {
        try (SocketChannel c = channel) {
            serve(c);
        } catch (IOException e) {
            LOG.debug("JSON-RPC client gone: {}", e.toString());
        }
    }

    private void serve(SocketChannel c) throws IOException {
        JsmnReader reader = new JsmnReader(MAX_REQUEST_BYTES);
        ByteBuffer buf = ByteBuffer.allocate(READ_CHUNK);
        while (true) {
            buf.clear();
            if (c.read(buf) < 0) {
                if (reader.midRequest()) {
                    LOG.debug("JSON-RPC client hung up in the middle of a request");
                }
                return;
            }
            List<JsonNode> requests = new ArrayList<>();
            Optional<JsmnReader.JsmnException> refused = Optional.empty();
            try {
                reader.feed(buf.array(), 0, buf.position(), requests);
            } catch (JsmnReader.JsmnException e) {
                refused = Optional.of(e);
            }
            // Requests complete before the bad byte are answered (C dropped the whole buffer).
            for (JsonNode request : requests) {
                RpcCommands.Outcome o = commands.handle(request);
                write(c, o.response());
                if (o.stop()) {
                    onStop.run();
                    return;
                }
            }
            if (refused.isPresent()) {
                refuse(c, refused.get());
                return;
            }
        }
    }

    private static void refuse(SocketChannel c, JsmnReader.JsmnException e) throws IOException {
        LOG.info("JSON-RPC client refused: {}", e.getMessage());
        write(
                c,
                CJsonFormat.failure(
                        e.invalidJson() ? "invalid JSON, closing: " + e.getMessage() : e.getMessage() + ", closing",
                        NullNode.getInstance()));
    }

    private static void write(SocketChannel c, String line) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            c.write(out);
        }
    }
}
