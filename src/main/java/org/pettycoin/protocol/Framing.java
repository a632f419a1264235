package org.pettycoin.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The frame every packet and blockfile record travels in: {@code le32 len} counting the whole frame,
 * {@code le32 type}, body (C's protocol_net.h {@code protocol_net_hdr}, read by packet_io.c).
 */
public final class Framing {
    /** Bytes of the {@code len} field that starts every frame. */
    public static final int LENGTH_FIELD_LENGTH = 4;

    private Framing() {}

    /**
     * Checks a frame's {@code len} as C's packet reader does: above {@link Protocol#MAX_PACKET_LEN}
     * or below the 8-byte header is INVALID_LEN. C fails the read itself (ENOSPC / EINVAL) and so
     * closes the connection <em>without</em> sending PKT_ERR; a connection should do the same, and a
     * blockfile replay stops there.
     */
    public static int checkLength(long len) throws ProtocolException {
        if (len > Protocol.MAX_PACKET_LEN || len < Protocol.PACKET_HEADER_LEN) {
            throw new ProtocolException(
                    ErrorCode.INVALID_LEN,
                    "frame length " + len + " outside " + Protocol.PACKET_HEADER_LEN + ".." + Protocol.MAX_PACKET_LEN);
        }
        return (int) len;
    }

    /**
     * Reads the next whole frame, {@code len} field included. Empty if the stream ends before the
     * frame's first byte; {@link EOFException} if it ends inside the frame (a torn blockfile tail).
     */
    public static Optional<byte[]> readFrame(InputStream in) throws IOException, ProtocolException {
        byte[] prefix = new byte[LENGTH_FIELD_LENGTH];
        int got = in.readNBytes(prefix, 0, prefix.length);
        if (got == 0) {
            return Optional.empty();
        }
        if (got < prefix.length) {
            throw new EOFException("stream ends inside a frame's length field");
        }
        int len = checkLength(ByteReader.le32(prefix, 0));
        byte[] frame = new byte[len];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        if (in.readNBytes(frame, prefix.length, len - prefix.length) < len - prefix.length) {
            throw new EOFException("stream ends inside a frame of " + len + " bytes");
        }
        return Optional.of(frame);
    }
}
