package org.pettycoin.transport;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes one connection's socket read and wrote, frames included, kept in its channel's
 * attribute: {@link TrafficCounter} adds to it on the channel's I/O thread, {@link NettyConnection}
 * reads it from any thread.
 */
final class ConnectionTraffic {
    private static final AttributeKey<ConnectionTraffic> KEY = AttributeKey.valueOf(ConnectionTraffic.class, "traffic");

    private final AtomicLong in = new AtomicLong();
    private final AtomicLong out = new AtomicLong();

    /** {@code channel}'s counts, started at its first use. */
    static ConnectionTraffic of(Channel channel) {
        ConnectionTraffic t = channel.attr(KEY).get();
        if (t != null) {
            return t;
        }
        ConnectionTraffic fresh = new ConnectionTraffic();
        ConnectionTraffic raced = channel.attr(KEY).setIfAbsent(fresh);
        return raced == null ? fresh : raced;
    }

    void read(long bytes) {
        in.addAndGet(bytes);
    }

    void wrote(long bytes) {
        out.addAndGet(bytes);
    }

    Traffic snapshot() {
        return new Traffic(in.get(), out.get());
    }
}
