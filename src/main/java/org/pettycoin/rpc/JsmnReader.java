package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a byte stream of requests in the language the C node's parser accepts: jsmn (2014) built
 * without {@code JSMN_STRICT}, as C's {@code json.c} includes it. Fed bytes as they arrive, it gives
 * each top-level value once it is complete, as the JSON values the commands read.
 *
 * <p>The language, from {@code jsmn.c} {@code jsmn_parse}: {@code :} and {@code ,} are read like
 * white space, so nothing checks that members come in {@code name : value} pairs or are separated;
 * an object and an array must close with their own bracket; a string is anything up to an
 * unescaped {@code "} (raw control bytes included) whose escapes are {@code \" \/ \\ \b \f \r \n \t}
 * or {@code \}{@code u} and four hex digits; and any other run of bytes 32..126 up to white space,
 * {@code :}, {@code ,}, a closing square bracket or a closing brace is a primitive (so
 * {@code 0100ab…}, and a {@code "} or an opening brace inside it, included). A primitive that is a JSON integer, {@code true}, {@code false} or
 * {@code null} becomes that value; any other is a {@link BareToken}. A top-level primitive ends
 * where the bytes received so far end, as jsmn's does at the end of its buffer.
 *
 * <p>An object's members are its tokens taken in pairs, the first pair with a name winning, and
 * only string names count, as in C's {@code json_get_member}; a name with an escape in it is
 * dropped, since C compared the raw bytes and no name it looks up has a backslash. A last name
 * without a value is dropped. String values have their escapes decoded (C's handlers saw them raw;
 * no C client sends any) and their bytes read as UTF-8.
 *
 * <p>Where C differs, for the better: a NUL byte is an error (jsmn stopped at it and the request
 * could never complete, so C waited forever), and a request is bounded in bytes, nesting and tokens
 * (C's buffer grew without limit). Nothing here recurses, so no input can overflow the stack.
 */
final class JsmnReader {
    /** Containers open at once; no command needs more than three. */
    static final int MAX_DEPTH = 128;
    /** Tokens (strings, primitives, containers) in one request. */
    static final int MAX_TOKENS = 65_536;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A JSON integer as Jackson would print it back: no leading zero, no "-0". */
    private static final Pattern INTEGER = Pattern.compile("0|-?[1-9][0-9]*");

    private static final int MIN_PRINTABLE = 32;
    private static final int MAX_PRINTABLE = 126;
    private static final int HEX_DIGITS = 4;

    /** The input broke the language, or a bound. */
    static final class JsmnException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean invalidJson;

        JsmnException(String message, boolean invalidJson) {
            super(message);
            this.invalidJson = invalidJson;
        }

        /** False when the input was well formed but too large or too deep. */
        boolean invalidJson() {
            return invalidJson;
        }
    }

    private enum State {
        BETWEEN,
        STRING,
        ESCAPE,
        UNICODE,
        PRIMITIVE
    }

    /** A token inside a container; {@code escaped} only for strings that had an escape. */
    private record Child(JsonNode node, boolean escaped) {}

    /** An open container and its tokens so far. */
    private record Frame(boolean object, List<Child> children) {}

    private final long maxBytes;
    private final Deque<Frame> open = new ArrayDeque<>();
    /** Raw bytes of the current primitive, or of the current string since its last escape. */
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();

    private final StringBuilder text = new StringBuilder();
    private State state = State.BETWEEN;
    private boolean escaped;
    private int unicodeDigits;
    private int unicodeValue;
    private long offset;
    private long requestBytes;
    private int tokens;

    /** A reader refusing any request over {@code maxBytes} bytes. */
    JsmnReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Whether a request has begun and not yet ended. */
    boolean midRequest() {
        return state != State.BETWEEN || !open.isEmpty();
    }

    /**
     * Reads {@code len} more bytes and adds the top-level values they complete to {@code done}, in
     * order.
     *
     * @throws JsmnException at the first byte the language or a bound refuses (the values completed
     *     before it are in {@code done}); the stream cannot be read on after it
     */
    void feed(byte[] bytes, int off, int len, List<JsonNode> done) throws JsmnException {
        for (int i = off; i < off + len; i++) {
            int c = bytes[i] & 0xff;
            if (midRequest() || !isSeparator(c)) {
                if (++requestBytes > maxBytes) {
                    throw new JsmnException("request larger than " + maxBytes + " bytes", false);
                }
            }
            if (c == 0) {
                throw invalid("NUL byte");
            }
            if (state == State.PRIMITIVE && isDelimiter(c)) {
                finishPrimitive(done);
            }
            switch (state) {
                case BETWEEN -> between(c, done);
                case STRING -> inString(c, done);
                case ESCAPE -> escape(c);
                case UNICODE -> unicode(c);
                case PRIMITIVE -> primitive(c);
                default -> throw new IllegalStateException(state.toString());
            }
            offset++;
        }
        if (state == State.PRIMITIVE && open.isEmpty()) {
            finishPrimitive(done);
        }
    }

    private void between(int c, List<JsonNode> done) throws JsmnException {
        switch (c) {
            case '{', '[' -> {
                token();
                if (open.size() == MAX_DEPTH) {
                    throw new JsmnException("request nested deeper than " + MAX_DEPTH, false);
                }
                open.push(new Frame(c == '{', new ArrayList<>()));
            }
            case '}', ']' -> close(c == '}', done);
            case '"' -> {
                token();
                raw.reset();
                text.setLength(0);
                escaped = false;
                state = State.STRING;
            }
            default -> {
                if (isSeparator(c)) {
                    return; // jsmn reads the separators like white space
                }
                token();
                raw.reset();
                state = State.PRIMITIVE;
                primitive(c);
            }
        }
    }

    private void inString(int c, List<JsonNode> done) {
        if (c == '"') {
            flushRaw();
            state = State.BETWEEN;
            add(NODES.textNode(text.toString()), escaped, done);
        } else if (c == '\\') {
            flushRaw();
            escaped = true;
            state = State.ESCAPE;
        } else {
            raw.write(c);
        }
    }

    private void escape(int c) throws JsmnException {
        char decoded;
        switch (c) {
            case '"', '/', '\\' -> decoded = (char) c;
            case 'b' -> decoded = '\b';
            case 'f' -> decoded = '\f';
            case 'r' -> decoded = '\r';
            case 'n' -> decoded = '\n';
            case 't' -> decoded = '\t';
            case 'u' -> {
                unicodeDigits = 0;
                unicodeValue = 0;
                state = State.UNICODE;
                return;
            }
            default -> throw invalid("bad escape " + shown(c) + " in a string");
        }
        text.append(decoded);
        state = State.STRING;
    }

    private void unicode(int c) throws JsmnException {
        int digit = Character.digit(c, 16);
        if (c >= 128 || digit < 0) {
            throw invalid(shown(c) + " where a \\u escape needs a hex digit");
        }
        unicodeValue = unicodeValue * 16 + digit;
        if (++unicodeDigits == HEX_DIGITS) {
            text.append((char) unicodeValue);
            state = State.STRING;
        }
    }

    private void primitive(int c) throws JsmnException {
        if (c < MIN_PRINTABLE || c > MAX_PRINTABLE) {
            throw invalid(shown(c) + " outside a string");
        }
        raw.write(c);
    }

    private void finishPrimitive(List<JsonNode> done) {
        state = State.BETWEEN;
        add(primitiveValue(raw.toString(StandardCharsets.US_ASCII)), false, done);
    }

    /** A primitive's value: the JSON literal it spells, or else its text. */
    static JsonNode primitiveValue(String token) {
        switch (token) {
            case "true" -> {
                return NODES.booleanNode(true);
            }
            case "false" -> {
                return NODES.booleanNode(false);
            }
            case "null" -> {
                return NODES.nullNode();
            }
            default -> {
                // a number or a bare token
            }
        }
        if (!INTEGER.matcher(token).matches()) {
            return new BareToken(token);
        }
        BigInteger n = new BigInteger(token);
        if (n.bitLength() < Integer.SIZE) {
            return NODES.numberNode(n.intValue());
        }
        return n.bitLength() < Long.SIZE ? NODES.numberNode(n.longValue()) : NODES.numberNode(n);
    }

    private void close(boolean object, List<JsonNode> done) throws JsmnException {
        char bracket = object ? '}' : ']';
        if (open.isEmpty()) {
            throw invalid("'" + bracket + "' closes nothing");
        }
        Frame f = open.pop();
        if (f.object() != object) {
            throw invalid("'" + bracket + "' closes a " + (f.object() ? "'{'" : "'['"));
        }
        add(f.object() ? members(f.children()) : elements(f.children()), false, done);
    }

    /** {@code json_get_member}'s view: tokens in pairs, string names only, the first one winning. */
    private static ObjectNode members(List<Child> children) {
        ObjectNode o = NODES.objectNode();
        for (int i = 0; i + 1 < children.size(); i += 2) {
            Child name = children.get(i);
            if (name.node().isTextual() && !name.escaped() && !o.has(name.node().textValue())) {
                o.set(name.node().textValue(), children.get(i + 1).node());
            }
        }
        return o;
    }

    private static ArrayNode elements(List<Child> children) {
        ArrayNode a = NODES.arrayNode();
        children.forEach(c -> a.add(c.node()));
        return a;
    }

    private void add(JsonNode node, boolean escapedString, List<JsonNode> done) {
        if (open.isEmpty()) {
            done.add(node);
            requestBytes = 0;
            tokens = 0;
        } else {
            open.peek().children().add(new Child(node, escapedString));
        }
    }

    private void token() throws JsmnException {
        if (++tokens > MAX_TOKENS) {
            throw new JsmnException("request of more than " + MAX_TOKENS + " tokens", false);
        }
    }

    /** Decodes the raw bytes gathered so far onto the string's text (malformed UTF-8 becomes U+FFFD). */
    private void flushRaw() {
        if (raw.size() > 0) {
            text.append(raw.toString(StandardCharsets.UTF_8));
            raw.reset();
        }
    }

    private JsmnException invalid(String what) {
        return new JsmnException(what + " at byte " + offset, true);
    }

    private static String shown(int c) {
        return c >= MIN_PRINTABLE && c <= MAX_PRINTABLE ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** What jsmn skips between tokens: white space, {@code :} and {@code ,}. */
    private static boolean isSeparator(int c) {
        return isSpace(c) || c == ':' || c == ',';
    }

    /** What ends a primitive in non-strict jsmn. */
    private static boolean isDelimiter(int c) {
        return isSpace(c) || c == ':' || c == ',' || c == ']' || c == '}';
    }
}
