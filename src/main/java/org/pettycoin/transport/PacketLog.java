package org.pettycoin.transport;

import io.netty.channel.Channel;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Optional;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.PacketType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every frame in and out at io level, as C's log_io (log.c): direction, type, length, peer, and the
 * frame's hex, of which at most {@link #MAX_HEX_BYTES} bytes. It has a logger of its own ({@link
 * #LOGGER_NAME}, the {@code io} subsystem of {@code --log-level}): when that logger is at trace,
 * every frame is a log line (the hex built only when a line is actually written, from {@link
 * Frame#toString}). Otherwise frames go, if anywhere, to the {@link Sink} the in-memory log set
 * ({@link #divert}): straight into it, without a logging event, so that keeping them costs a copy
 * of the frame's head and not a log line's machinery per frame.
 */
public final class PacketLog {
    /** The io subsystem's logger: not a class, so that its level is set on its own. */
    public static final String LOGGER_NAME = "org.pettycoin.io";
    /** 512 bytes: 1 KiB of hex, then "…". */
    public static final int MAX_HEX_BYTES = 512;

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final int TYPE_OFFSET = 4;

    /** Takes the frames no log line is written for (the in-memory log's io entries); any thread. */
    @FunctionalInterface
    public interface Sink {
        void frame(Frame f);
    }

    private static volatile Optional<Sink> sink = Optional.empty();

    /**
     * The frame's first {@link #MAX_HEX_BYTES} bytes (a copy) and its whole length; prints as hex,
     * built only when printed.
     */
    public static final class Frame {
        private final boolean in;
        private final byte[] head;
        private final int length;
        private final SocketAddress peer;

        public Frame(boolean in, byte[] frame, SocketAddress peer) {
            this.in = in;
            this.head = Arrays.copyOf(frame, Math.min(frame.length, MAX_HEX_BYTES));
            this.length = frame.length;
            this.peer = peer;
        }

        /** What a log line says before the hex: direction, type, length and peer. */
        public String describe() {
            return (in ? "IN " : "OUT ") + typeName(head) + " " + length + " bytes " + peer;
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

    /** Frames no log line is written for go to {@code to} (or nowhere, if empty). */
    public static void divert(Optional<Sink> to) {
        sink = to;
    }

    static void in(Channel ch, byte[] frame) {
        record(true, ch, frame);
    }

    static void out(Channel ch, byte[] frame) {
        record(false, ch, frame);
    }

    private static void record(boolean in, Channel ch, byte[] frame) {
        if (LOG.isTraceEnabled()) {
            Frame f = new Frame(in, frame, ch.remoteAddress());
            LOG.trace("{} {}", f.describe(), f);
            return;
        }
        Optional<Sink> s = sink;
        if (s.isPresent()) {
            s.get().frame(new Frame(in, frame, ch.remoteAddress()));
        }
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
