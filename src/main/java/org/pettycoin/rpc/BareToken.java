package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * An unquoted token that is not a JSON number, {@code true}, {@code false} or {@code null}, such as
 * the transaction hex the C dumbwallet sends bare. jsmn calls it a primitive and C's command
 * handlers read its text where they read a string's, so it is its text here too: {@link #asText}
 * and {@link #toString} give it verbatim, and it is written back verbatim.
 */
final class BareToken extends POJONode {
    private static final long serialVersionUID = 1L;

    private final String text;

    BareToken(String text) {
        super(new RawValue(text));
        this.text = text;
    }

    String text() {
        return text;
    }

    /** C's {@code json_get_params} and {@code json_tok_is_null} take any primitive starting with 'n' for null. */
    boolean readsAsNull() {
        return text.startsWith("n");
    }

    @Override
    public String asText() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
