package org.pettycoin.transport;

import java.util.Objects;

/**
 * Why a connection ended. The cause is what the protocol layer acts on (C's peer.c penalises some
 * ends and not others); the detail is for logs.
 */
public record CloseReason(Cause cause, String detail) {
    /** What ended a connection. */
    public enum Cause {
        /** This node called {@link Connection#close} or {@link Connection#sendAndClose}. */
        LOCAL,
        /** The peer closed the connection. */
        PEER_CLOSED,
        /** The peer sent a frame length outside 8..4 MiB; closed without ERR (as C's packet_io.c). */
        BAD_FRAME_LENGTH,
        /** No complete packet within the input timeout (C's PROTOCOL_INPUT_TIMEOUT). */
        INPUT_TIMEOUT,
        /** More bytes queued for the peer than the bound allows: it does not read (docs/c-differences.md #34). */
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
