package org.pettycoin.transport;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transport's open connections, their ids, and the way out to the listener. Shared by every
 * I/O thread, hence concurrent; knows when the transport is shutting down so that a connection that
 * opens or ends meanwhile is reported as ended by the shutdown.
 */
final class ConnectionRegistry {
    private final ConnectionListener listener;
    private final Executor events;
    private final PacketPrecheck precheck;
    private final Executor transportEvents;
    private final AtomicInteger lastId = new AtomicInteger();
    private final Map<Integer, NettyConnection> open = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    ConnectionRegistry(ConnectionListener listener, Executor events, PacketPrecheck precheck) {
        this.listener = listener;
        this.events = events;
        this.precheck = precheck;
        // A failed dial belongs to no connection: a bug handling one is logged and costs nothing more.
        this.transportEvents = new SerialExecutor(events, "the failed dials", () -> {});
    }

    NettyConnection opened(Channel channel, Direction direction, InetSocketAddress remote) {
        NettyConnection c =
                new NettyConnection(lastId.incrementAndGet(), channel, direction, remote, listener, events, precheck);
        open.put(c.id(), c);
        c.deliverConnected();
        if (shuttingDown) {
            c.closeWith(shutdownReason());
        }
        return c;
    }

    void closed(NettyConnection c) {
        open.remove(c.id());
        c.deliverClosed(
                shuttingDown ? shutdownReason() : new CloseReason(CloseReason.Cause.PEER_CLOSED, "closed by the peer"));
    }

    void connectFailed(InetSocketAddress remote, String reason) {
        transportEvents.execute(() -> listener.connectFailed(remote, reason));
    }

    /** Closes every open connection, and any that opens from now on. */
    void shutDown() {
        shuttingDown = true;
        for (NettyConnection c : List.copyOf(open.values())) {
            c.closeWith(shutdownReason());
        }
    }

    private static CloseReason shutdownReason() {
        return new CloseReason(CloseReason.Cause.SHUTDOWN, "transport closed");
    }
}
