package org.pettycoin.net;

import java.util.Objects;

/**
 * Why a connection ended. The cause is what the protocol layer acts on (spec 03 §3.10 penalises some
 * ends and not others); the detail is for logs.
 */
public record CloseReason(Cause cause, String detail) {
    /** What ended a connection. */
    public enum Cause {
        /** This node called {@link Connection#close} or {@link Connection#sendAndClose}. */
        LOCAL,
        /** The peer closed the connection. */
        PEER_CLOSED,
        /** The peer sent a frame length outside 8..4 MiB; closed without ERR (spec 03 §3.10). */
        BAD_FRAME_LENGTH,
        /** No complete packet within the input timeout (spec 03 §3.8). */
        INPUT_TIMEOUT,
        /** More bytes queued for the peer than the bound allows: it does not read (spec 03 §8 item 2). */
        OUTPUT_OVERFLOW,
        /** A socket error, or a packet of ours that could not be encoded. */
        IO_ERROR,
        /** The transport was closed. */
        SHUTDOWN
    }

    public CloseReason {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return cause + ": " + detail;
    }
}
