package org.pettycoin.rpc;

/**
 * A command failed for a reason its caller can act on; the message goes back as the response's
 * {@code "error"} text, worded as the C node words it where C has a message. Unchecked so that it
 * passes unchanged out of {@code Node.call}.
 */
public final class RpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RpcException(String message) {
        super(message);
    }
}
