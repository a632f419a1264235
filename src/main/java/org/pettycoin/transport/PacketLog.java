package org.pettycoin.transport;

import io.netty.channel.Channel;
import java.net.SocketAddress;
import java.util.Arrays;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.PacketType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every frame in and out at io level, as C's log_io (log.c): direction, type, length, peer, and the
 * frame's hex, of which at most {@link #MAX_HEX_BYTES} bytes. It has a logger of its own ({@link
 * #LOGGER_NAME}, the {@code io} subsystem of {@code --log-level}), and nothing is built unless that
 * logger is at trace: the hex only when a line is actually written, from {@link Frame#toString}.
 */
public final class PacketLog {
    /** The io subsystem's logger: not a class, so that its level is set on its own. */
    public static final String LOGGER_NAME = "org.pettycoin.io";
    /** 512 bytes: 1 KiB of hex, then "…". */
    public static final int MAX_HEX_BYTES = 512;

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final int TYPE_OFFSET = 4;

    /**
     * The frame's first {@link #MAX_HEX_BYTES} bytes (a copy) and its whole length; prints as hex,
     * built only when printed.
     */
    public static final class Frame {
        private final boolean in;
        private final byte[] head;
        private final int length;

        public Frame(boolean in, byte[] frame) {
            this.in = in;
            this.head = Arrays.copyOf(frame, Math.min(frame.length, MAX_HEX_BYTES));
            this.length = frame.length;
        }

        /** Received (else sent). */
        public boolean in() {
            return in;
        }

        /** The whole frame's length. */
        public int length() {
            return length;
        }

        /** The hex of what is kept, "…" after it when the frame was longer. */
        public String hex() {
            return Hex.encode(head) + (length > head.length ? "…" : "");
        }

        @Override
        public String toString() {
            return hex();
        }
    }

    private PacketLog() {}

    static void in(Channel ch, byte[] frame) {
        if (LOG.isTraceEnabled()) {
            log(true, ch.remoteAddress(), frame);
        }
    }

    static void out(Channel ch, byte[] frame) {
        if (LOG.isTraceEnabled()) {
            log(false, ch.remoteAddress(), frame);
        }
    }

    private static void log(boolean in, SocketAddress peer, byte[] frame) {
        Frame f = new Frame(in, frame);
        LOG.trace("{} {} {} bytes {} {}", in ? "IN" : "OUT", typeName(frame), frame.length, peer, f);
    }

    /** The C name of the frame's type ({@code le32} after the length), or its number if unknown. */
    static String typeName(byte[] frame) {
        if (frame.length < TYPE_OFFSET + 4) {
            return "short";
        }
        long code = (frame[TYPE_OFFSET] & 0xffL)
                | (frame[TYPE_OFFSET + 1] & 0xffL) << 8
                | (frame[TYPE_OFFSET + 2] & 0xffL) << 16
                | (frame[TYPE_OFFSET + 3] & 0xffL) << 24;
        return PacketType.fromCode(code).map(PacketType::cName).orElse("type " + code);
    }
}
