package org.pettycoin.rpc;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text laid out as the C node's {@code json.c} lays it out (json_object_start and friends), so that scripts
 * written against a C node see the same bytes: {@code { } / [ ]} with a space inside,
 * {@code "name" : value}, members separated by {@code ", "}, and every container below the top
 * level starting on a new line indented with tabs. Unlike C, strings are escaped, so the text is
 * always valid JSON.
 */
final class CJsonFormat {
    private static final String OBJECT_OPEN = "{ ";
    private static final String ARRAY_OPEN = "[ ";

    /**
     * A value C renders on its own, at indent 0, and pastes in as a literal: listtransactions
     * builds each tx that way, so its elements carry no leading newline (see the vector).
     */
    record Separate(JsonNode node) {}

    private final StringBuilder out = new StringBuilder();
    private int indent;

    private CJsonFormat() {}

    /** {@code node} as C's {@code json_result_string} would give it. */
    static String format(JsonNode node) {
        CJsonFormat f = new CJsonFormat();
        f.value(null, node);
        return f.out.toString();
    }

    /** A value to embed as its own rendering (see {@link Separate}). */
    static JsonNode separate(JsonNode node) {
        return new POJONode(new Separate(node));
    }

    /** The success line: {@code { "result" : R, "error" : null, "id" : ID }}. */
    static String success(JsonNode result, JsonNode id) {
        return "{ \"result\" : " + format(result) + ", \"error\" : null, \"id\" : " + id + " }\n";
    }

    /** The failure line; as in C every {@code "} in the message becomes {@code '}. */
    static String failure(String message, JsonNode id) {
        return "{ \"result\" : null, \"error\" : " + quote(message.replace('"', '\'')) + ", \"id\" : " + id + " }\n";
    }

    static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    private void value(String field, JsonNode node) {
        if (node instanceof POJONode p && p.getPojo() instanceof Separate s) {
            startMember(field);
            out.append(format(s.node()));
        } else if (node.isObject()) {
            open(field, OBJECT_OPEN);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                value(e.getKey(), e.getValue());
            }
            close(" }");
        } else if (node.isArray()) {
            open(field, ARRAY_OPEN);
            node.forEach(element -> value(null, element));
            close(" ]");
        } else {
            startMember(field);
            out.append(node.isTextual() ? quote(node.textValue()) : node.toString());
        }
    }

    /** {@code json_start_member}: a comma unless first in its container, then the name. */
    private void startMember(String field) {
        if (out.length() > 0 && !endsWith(OBJECT_OPEN) && !endsWith(ARRAY_OPEN)) {
            out.append(", ");
        }
        if (field != null) {
            out.append(quote(field)).append(" : ");
        }
    }

    private void open(String field, String bracket) {
        startMember(field);
        if (indent > 0) {
            out.append('\n').append("\t".repeat(indent));
        }
        out.append(bracket);
        indent++;
    }

    private void close(String bracket) {
        indent--;
        out.append(bracket);
    }

    private boolean endsWith(String s) {
        int n = out.length();
        return n >= s.length() && out.substring(n - s.length()).equals(s);
    }
}
