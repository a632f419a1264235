package org.pettycoin.rpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.pettycoin.protocol.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection (C's {@code jcon}): reads a stream of JSON values, answers each in order
 * with one line, until the client hangs up. Runs on its own thread, so it may block on the client
 * as long as it likes. Invalid JSON or an oversized request gets one error line, then the
 * connection is closed, because the stream cannot be resynchronised after it.
 */
final class RpcSession implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcSession.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * Largest request: the hex of the largest block (twice PROTOCOL_MAX_PACKET_LEN characters) with
     * room for the envelope. A client may send nothing bigger; the node holds at most this per client.
     */
    static final long MAX_REQUEST_CHARS = 2L * Protocol.MAX_PACKET_LEN + 64 * 1024;

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
        // A Reader, not an InputStream: Jackson waits for 4 bytes to sniff an InputStream's encoding.
        CountingReader in = new CountingReader(new InputStreamReader(Channels.newInputStream(channel),
                StandardCharsets.UTF_8));
        try (SocketChannel c = channel; OutputStream out = Channels.newOutputStream(c);
             JsonParser parser = MAPPER.createParser(in)) {
            serve(parser, in, out);
        } catch (IOException e) {
            LOG.debug("JSON-RPC client gone: {}", e.toString());
        }
    }

    private void serve(JsonParser parser, CountingReader in, OutputStream out) throws IOException {
        while (true) {
            JsonNode request;
            try {
                JsonToken t = parser.nextToken();
                if (t == null) {
                    return; // the client hung up between requests
                }
                request = MAPPER.readTree(parser);
            } catch (JsonProcessingException e) {
                write(out, CJsonFormat.failure("invalid JSON, closing: " + e.getOriginalMessage(), NullNode.getInstance()));
                return;
            } catch (TooLarge e) {
                write(out, CJsonFormat.failure(e.getMessage(), NullNode.getInstance()));
                return;
            }
            in.startNext();
            RpcCommands.Outcome o = commands.handle(request);
            write(out, o.response());
            if (o.stop()) {
                onStop.run();
                return;
            }
        }
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A request went past {@link #MAX_REQUEST_CHARS}. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("request larger than " + MAX_REQUEST_CHARS + " characters, closing");
        }
    }

    /** Counts characters read since the last request began (roughly: the parser reads ahead). */
    private static final class CountingReader extends FilterReader {
        private long count;

        CountingReader(Reader in) {
            super(in);
        }

        void startNext() {
            count = 0;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count += n;
                if (count > MAX_REQUEST_CHARS) {
                    throw new TooLarge();
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }
    }
}
