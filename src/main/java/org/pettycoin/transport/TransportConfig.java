package org.pettycoin.transport;

import java.time.Duration;
import java.util.Objects;
import org.pettycoin.protocol.Protocol;

/**
 * Threads, timeouts and bounds of a {@link Transport}. The defaults are the C node's values where it
 * has one (protocol_net.h, pettycoin.c); tests shorten the timeouts.
 *
 * @param acceptThreads   threads accepting inbound connections
 * @param ioThreads       threads framing, decoding and encoding for all connections
 * @param connectTimeout  how long an outbound connect may take
 * @param inputTimeout    how long we wait for the next complete packet before closing (PROTOCOL_INPUT_TIMEOUT)
 * @param outputIdle      how long without sending before {@link ConnectionListener#outputIdle}
 * @param maxQueuedBytes  bytes queued unwritten to one peer beyond which it is closed (docs/c-differences.md #34)
 * @param listenBacklog   TCP listen backlog
 * @param shutdownTimeout how long {@link Transport#close} waits for connections and threads to end
 * @param limits          how many connections, and how many from one address
 */
public record TransportConfig(
        int acceptThreads,
        int ioThreads,
        Duration connectTimeout,
        Duration inputTimeout,
        Duration outputIdle,
        int maxQueuedBytes,
        int listenBacklog,
        Duration shutdownTimeout,
        PeerLimits limits) {
    /** Accepting is cheap: one thread. */
    public static final int ACCEPT_THREADS = 1;
    /** Framing and decoding are cheap next to the node thread's work: two threads serve every peer. */
    public static final int IO_THREADS = 2;
    /** Ours: C gives connect() no timeout of its own, leaving the OS's minutes. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** PROTOCOL_INPUT_TIMEOUT, 20 s (C's protocol_net.h). */
    public static final Duration INPUT_TIMEOUT = Duration.ofSeconds(20);
    /** PROTOCOL_TIMEOUT, the output-idle keepalive interval, 10 s (C's protocol_net.h). */
    public static final Duration OUTPUT_IDLE = Duration.ofSeconds(10);
    /** Four largest packets: room for a burst of big replies, but a peer that stops reading is cut. */
    public static final int MAX_QUEUED_BYTES = 4 * Protocol.MAX_PACKET_LEN;
    /**
     * Ours; C listens with a backlog of 5 (pettycoin.c make_listen_fd). A flood fills 5 at once, and
     * then every connect, an honest peer's too, hangs unaccepted or waits out SYN retries; the
     * acceptor refuses what is over the limits in microseconds, so a deeper queue only drains faster.
     */
    public static final int LISTEN_BACKLOG = 128;
    /** Ours: long enough to flush closes, short enough for a prompt exit. */
    public static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    public TransportConfig {
        requirePositive(acceptThreads, "acceptThreads");
        requirePositive(ioThreads, "ioThreads");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(inputTimeout, "inputTimeout");
        requirePositive(outputIdle, "outputIdle");
        requirePositive(listenBacklog, "listenBacklog");
        requirePositive(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(limits, "limits");
        // A smaller bound would cut a peer for one legitimate maximum-size reply.
        if (maxQueuedBytes < Protocol.MAX_PACKET_LEN) {
            throw new IllegalArgumentException(
                    "maxQueuedBytes " + maxQueuedBytes + " is below one packet of " + Protocol.MAX_PACKET_LEN);
        }
    }

    public static TransportConfig defaults() {
        return new TransportConfig(
                ACCEPT_THREADS,
                IO_THREADS,
                CONNECT_TIMEOUT,
                INPUT_TIMEOUT,
                OUTPUT_IDLE,
                MAX_QUEUED_BYTES,
                LISTEN_BACKLOG,
                SHUTDOWN_TIMEOUT,
                PeerLimits.defaults());
    }

    public TransportConfig withConnectTimeout(Duration d) {
        return new TransportConfig(
                acceptThreads,
                ioThreads,
                d,
                inputTimeout,
                outputIdle,
                maxQueuedBytes,
                listenBacklog,
                shutdownTimeout,
                limits);
    }

    public TransportConfig withInputTimeout(Duration d) {
        return new TransportConfig(
                acceptThreads,
                ioThreads,
                connectTimeout,
                d,
                outputIdle,
                maxQueuedBytes,
                listenBacklog,
                shutdownTimeout,
                limits);
    }

    public TransportConfig withOutputIdle(Duration d) {
        return new TransportConfig(
                acceptThreads,
                ioThreads,
                connectTimeout,
                inputTimeout,
                d,
                maxQueuedBytes,
                listenBacklog,
                shutdownTimeout,
                limits);
    }

    public TransportConfig withMaxQueuedBytes(int bytes) {
        return new TransportConfig(
                acceptThreads,
                ioThreads,
                connectTimeout,
                inputTimeout,
                outputIdle,
                bytes,
                listenBacklog,
                shutdownTimeout,
                limits);
    }

    public TransportConfig withLimits(PeerLimits l) {
        return new TransportConfig(
                acceptThreads,
                ioThreads,
                connectTimeout,
                inputTimeout,
                outputIdle,
                maxQueuedBytes,
                listenBacklog,
                shutdownTimeout,
                l);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
