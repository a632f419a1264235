package org.pettycoin.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pettycoin.chainstate.LogNode;
import org.pettycoin.time.NodeClock;
import org.pettycoin.time.SystemClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for and dials peers, and owns the I/O threads that serve them (docs/architecture.md). Events reach
 * the {@link ConnectionListener} through the executor given here, normally the node thread.
 * Closing the transport closes every connection, reports each as closed with
 * {@link CloseReason.Cause#SHUTDOWN}, and stops the threads, all within the configured time.
 */
public final class Transport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    private final TransportConfig config;
    private final NodeClock clock;
    private final ConnectionRegistry registry;
    private final EventLoopGroup acceptGroup;
    private final EventLoopGroup ioGroup;
    private final ChannelGroup channels = new DefaultChannelGroup("pettycoin-peers", GlobalEventExecutor.INSTANCE);
    private final ServerBootstrap server;
    private final Bootstrap client;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ConnectionSlots slots;
    private final InboundGate gate;
    private final TrafficCounter traffic = new TrafficCounter();

    public Transport(TransportConfig config, ConnectionListener listener, Executor events) {
        this(config, listener, events, SystemClock.INSTANCE);
    }

    /** As above, with the peers' idle timers reading {@code clock}. */
    public Transport(TransportConfig config, ConnectionListener listener, Executor events, NodeClock clock) {
        this(config, listener, events, clock, PacketPrecheck.NONE);
    }

    /** As above, each decoded packet waiting for {@code precheck}'s work before it is delivered. */
    public Transport(
            TransportConfig config,
            ConnectionListener listener,
            Executor events,
            NodeClock clock,
            PacketPrecheck precheck) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = new ConnectionRegistry(
                Objects.requireNonNull(listener, "listener"),
                Objects.requireNonNull(events, "events"),
                Objects.requireNonNull(precheck, "precheck"));
        this.acceptGroup = new NioEventLoopGroup(
                config.acceptThreads(), LogNode.inherit(new DefaultThreadFactory("pettycoin-accept", true)));
        this.ioGroup = new NioEventLoopGroup(
                config.ioThreads(), LogNode.inherit(new DefaultThreadFactory("pettycoin-io", true)));
        // Unwritable means more than maxQueuedBytes wait for the peer; PeerHandler closes it then.
        WriteBufferWaterMark queueBound =
                new WriteBufferWaterMark(config.maxQueuedBytes() / 2, config.maxQueuedBytes());
        this.slots = new ConnectionSlots(config.limits());
        this.gate = new InboundGate(slots);
        this.server = new ServerBootstrap()
                .group(acceptGroup, ioGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, config.listenBacklog())
                .handler(gate)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, queueBound)
                .childHandler(new PeerPipeline(
                        registry, channels, config, clock, Direction.INBOUND, Optional.empty(), traffic));
        this.client = new Bootstrap()
                .group(ioGroup)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, queueBound)
                .option(
                        ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        Math.toIntExact(config.connectTimeout().toMillis()));
    }

    /**
     * Accepts connections on {@code address} until the transport closes; may be called for more than
     * one address (C binds the IPv6 any-address, then IPv4 on the same port: pettycoin.c make_listeners). Blocks
     * until bound.
     *
     * @return the bound port (the chosen one when {@code address} has port 0)
     * @throws IOException if the address cannot be bound
     */
    public int listen(InetSocketAddress address) throws IOException {
        ensureOpen();
        ChannelFuture bound = server.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            throw cause instanceof IOException io ? io : new IOException("cannot listen on " + address, cause);
        }
        channels.add(bound.channel());
        int port = ((InetSocketAddress) bound.channel().localAddress()).getPort();
        LOG.info("listening on {} port {}", address.getAddress(), port);
        return port;
    }

    /**
     * Dials {@code remote} without blocking: the result is {@link ConnectionListener#connected} or
     * {@link ConnectionListener#connectFailed}. The address must be resolved: name lookups (C forks a
     * helper for them, dns.c) would block an I/O thread here. A dial takes one of the
     * {@link PeerLimits} slots from the start, as C counts outbound peers with inbound ones; with none
     * free it fails at once.
     */
    public void connect(InetSocketAddress remote) {
        Objects.requireNonNull(remote, "remote");
        if (remote.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address " + remote);
        }
        ensureOpen();
        if (slots.admitOutbound() != ConnectionSlots.Admission.ADMITTED) {
            registry.connectFailed(remote, "at the limit of " + config.limits().maxPeers() + " peers");
            return;
        }
        ChannelFuture f = client.clone()
                .handler(new PeerPipeline(
                        registry, channels, config, clock, Direction.OUTBOUND, Optional.of(remote), traffic))
                .connect(remote);
        f.channel().closeFuture().addListener(done -> slots.releaseOutbound());
        channels.add(f.channel());
        f.addListener((ChannelFuture done) -> {
            if (!done.isSuccess()) {
                registry.connectFailed(remote, closed.get() ? "transport closed" : String.valueOf(done.cause()));
            }
        });
    }

    /** Inbound connections refused for the {@link PeerLimits} since the transport started. */
    public long refusedInbound() {
        return gate.refused();
    }

    /** Connections holding a slot now. */
    public SlotsInUse slotsInUse() {
        return new SlotsInUse(slots.inbound(), slots.outbound());
    }

    /** Inbound connections, and outbound ones connected or being dialled. */
    public record SlotsInUse(int inbound, int outbound) {}

    /** Bytes read from and written to peers, over every connection since start. Any thread. */
    public Traffic traffic() {
        return traffic.totals();
    }

    /** Packets and bytes received and sent per packet type, since start. Any thread. */
    public PacketCounts packets() {
        return traffic.packets();
    }

    /** Closes every connection and listener and stops the I/O threads; waits at most the shutdown time. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        registry.shutDown();
        channels.close().awaitUninterruptibly(remainingMillis(deadline));
        // No quiet period: pending tasks (the inactive events that report closes) still run first.
        Future<?> accept = acceptGroup.shutdownGracefully(0, remainingMillis(deadline), TimeUnit.MILLISECONDS);
        Future<?> io = ioGroup.shutdownGracefully(0, remainingMillis(deadline), TimeUnit.MILLISECONDS);
        // Wait for both groups even when the first is late.
        boolean acceptStopped = accept.awaitUninterruptibly(remainingMillis(deadline));
        boolean ioStopped = io.awaitUninterruptibly(remainingMillis(deadline));
        if (!acceptStopped || !ioStopped) {
            LOG.warn(
                    "network threads still running {} ms after close",
                    config.shutdownTimeout().toMillis());
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("transport closed");
        }
    }

    private static long remainingMillis(long deadline) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
