package org.pettycoin.http;

import java.nio.charset.StandardCharsets;

/** What a handler answers: a status, the body's content type, and the body (copied in and out). */
public final class Reply {
    private static final String TEXT = "text/plain; charset=utf-8";

    private final int status;
    private final String contentType;
    private final byte[] body;

    public Reply(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body.clone();
    }

    /** A plain-text reply, one line. */
    public static Reply text(int status, String line) {
        return new Reply(status, TEXT, (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body.clone();
    }
}
