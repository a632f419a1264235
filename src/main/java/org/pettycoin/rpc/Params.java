package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.protocol.Address;

/**
 * A request's parameters as C's {@code json_get_params} sees them (json.c): an array is
 * matched to the command's parameter names in order, an object by name, and a JSON {@code null}
 * (or, as in C, any bare token starting with {@code n}) counts as absent. A bare token
 * ({@link BareToken}) reads as its text wherever a string's contents are read, as C's handlers
 * read the token's bytes whatever its type.
 */
final class Params {
    /** Largest value C's {@code json_tok_number} gives: an unsigned int. */
    static final long MAX_NUMBER = 0xffffffffL;

    private static final int DECIMAL_RADIX = 10;
    private static final int HEX_RADIX = 16;
    private static final int OCTAL_RADIX = 8;

    private final JsonNode params;
    private final List<String> names;

    /** {@code params} (an array or an object) for a command whose parameters are {@code names}. */
    Params(JsonNode params, List<String> names) {
        this.params = params;
        this.names = List.copyOf(names);
    }

    /** The parameters exactly as sent (for dev-echo). */
    JsonNode raw() {
        return params;
    }

    /** How many were sent (array elements or object members). */
    int count() {
        return params.size();
    }

    /** The parameter {@code name}: by its position among the command's names, or by name. */
    Optional<JsonNode> get(String name) {
        JsonNode v = params.isArray() ? params.get(names.indexOf(name)) : params.get(name);
        boolean absent = v == null || v.isNull() || (v instanceof BareToken b && b.readsAsNull());
        return absent ? Optional.empty() : Optional.of(v);
    }

    /**
     * The text of a parameter: a string's contents, or a bare token's or number's text (C reads
     * the token text whatever its type, so {@code 0100ab}, {@code 123} and {@code "123"} are hex).
     */
    static String text(JsonNode v) {
        if (v instanceof BareToken b) {
            return b.text();
        }
        return v.isTextual() ? v.textValue() : v.toString();
    }

    /**
     * The test-network address in parameter {@code name}, or the C node's errors: "Needs 'name'",
     * "address X not valid", "address X not on test net" (listtransactions.c).
     */
    Address testNetAddress(String name) {
        JsonNode param = get(name).orElseThrow(() -> new RpcException("Needs '" + name + "'"));
        String shown = shown(param);
        AddressCodec.Decoded decoded = Optional.of(param)
                .filter(JsonNode::isTextual)
                .flatMap(v -> AddressCodec.decode(v.textValue()))
                .orElseThrow(() -> new RpcException("address " + shown + " not valid"));
        if (!decoded.style().testNet()) {
            throw new RpcException("address " + shown + " not on test net");
        }
        return decoded.address();
    }

    /** The parameter as the C node shows it in error messages: quoted if it was a string. */
    static String shown(JsonNode v) {
        return v.toString();
    }

    /**
     * A u32 as {@code strtoul(text, 0)} reads it: decimal, {@code 0x} hex, or octal with a leading
     * zero; strings, bare tokens and numbers alike. Empty if it is not one.
     */
    static Optional<Long> number(JsonNode v) {
        if (v.isIntegralNumber()) {
            return inRange(v.bigIntegerValue());
        }
        if (v instanceof BareToken b) {
            return number(b.text());
        }
        return v.isTextual() ? number(v.textValue()) : Optional.empty();
    }

    private static Optional<Long> number(String s) {
        int radix = radixOf(s);
        String digits = s.substring(radix == HEX_RADIX ? 2 : radix == OCTAL_RADIX ? 1 : 0);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, radix) >= 0)) {
            return Optional.empty();
        }
        return inRange(new BigInteger(digits, radix));
    }

    /** strtoul's base 0: {@code 0x} means hex, another leading 0 octal. */
    private static int radixOf(String s) {
        if (s.startsWith("0x") || s.startsWith("0X")) {
            return HEX_RADIX;
        }
        return s.length() > 1 && s.startsWith("0") ? OCTAL_RADIX : DECIMAL_RADIX;
    }

    private static Optional<Long> inRange(BigInteger n) {
        return n.signum() >= 0 && n.compareTo(BigInteger.valueOf(MAX_NUMBER)) <= 0
                ? Optional.of(n.longValue())
                : Optional.empty();
    }
}
