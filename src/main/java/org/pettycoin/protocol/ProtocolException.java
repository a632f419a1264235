package org.pettycoin.protocol;

/**
 * Bytes or a value that break a protocol rule. Carries the {@link ErrorCode} the C node would
 * report for the same input, so the caller can answer with {@code PKT_ERR} exactly as it would.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(code.cName() + ": " + message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
