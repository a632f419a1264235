package org.pettycoin.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy on 127.0.0.1 that adds a fixed one-way latency: each connection it accepts is
 * forwarded to one target, and every chunk of bytes, in either direction, is delivered a fixed time
 * after it arrived. Chunks are scheduled, not queued behind each other's round trips, so throughput
 * is kept and only the latency is added, as on a long but wide link; order is kept because every
 * chunk waits the same time. A close on either side reaches the other after the same latency, behind
 * the bytes sent before it. Bytes waiting in one direction are bounded: past the bound the proxy stops
 * reading that side until half have been delivered, so a fast sender meets TCP back-pressure instead
 * of filling memory.
 *
 * <p>Used by benchmarks to make loopback cost what the internet costs in round trips. Both sockets of
 * a connection are served by one event-loop thread, so a connection's state needs no locks.
 */
// Closes and scheduled deliveries need no future: their outcome shows as the channels' own events.
@SuppressWarnings("FutureReturnValueIgnored")
public final class DelayProxy implements AutoCloseable {
    /** Bytes waiting to be delivered in one direction of one connection before reading pauses. */
    public static final int DEFAULT_MAX_DELAYED_BYTES = 8 << 20;

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final long SHUTDOWN_MILLIS = 2_000;

    private final InetSocketAddress target;
    private final long delayNanos;
    private final int maxDelayedBytes;
    private final EventLoopGroup group;
    private final ChannelGroup channels = new DefaultChannelGroup("delay-proxy", GlobalEventExecutor.INSTANCE);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final InetSocketAddress address;

    private DelayProxy(InetSocketAddress target, Duration oneWay, int maxDelayedBytes) throws IOException {
        this.target = target;
        this.delayNanos = oneWay.toNanos();
        this.maxDelayedBytes = maxDelayedBytes;
        // One thread: a proxy for a benchmark on loopback moves little next to what the nodes do.
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("delay-proxy", true));
        ServerBootstrap server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // Nothing is read from the client until the target has answered the connect.
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        ch.pipeline().addLast(new Dial());
                    }
                });
        ChannelFuture bound = server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, SHUTDOWN_MILLIS, TimeUnit.MILLISECONDS);
            Throwable cause = bound.cause();
            throw cause instanceof IOException io ? io : new IOException("cannot listen on 127.0.0.1", cause);
        }
        channels.add(bound.channel());
        this.address = (InetSocketAddress) bound.channel().localAddress();
    }

    /** Starts a proxy to {@code target} adding {@code oneWay} in each direction. */
    public static DelayProxy start(InetSocketAddress target, Duration oneWay) throws IOException {
        return start(target, oneWay, DEFAULT_MAX_DELAYED_BYTES);
    }

    /** As {@link #start(InetSocketAddress, Duration)}, pausing a direction past {@code maxDelayedBytes} waiting. */
    public static DelayProxy start(InetSocketAddress target, Duration oneWay, int maxDelayedBytes) throws IOException {
        Objects.requireNonNull(target, "target");
        if (target.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address " + target);
        }
        if (oneWay.isNegative()) {
            throw new IllegalArgumentException("negative latency " + oneWay);
        }
        if (maxDelayedBytes < 1) {
            throw new IllegalArgumentException("maxDelayedBytes " + maxDelayedBytes);
        }
        return new DelayProxy(target, oneWay, maxDelayedBytes);
    }

    /** Where clients connect: 127.0.0.1 and the port chosen. */
    public InetSocketAddress address() {
        return address;
    }

    public InetSocketAddress target() {
        return target;
    }

    public Duration latency() {
        return Duration.ofNanos(delayNanos);
    }

    /** Stops listening and closes every connection at once (delayed bytes are dropped). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_MILLIS);
        channels.close().awaitUninterruptibly(SHUTDOWN_MILLIS);
        long left = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        group.shutdownGracefully(0, left, TimeUnit.MILLISECONDS).awaitUninterruptibly(left);
    }

    /** On a new client: dial the target on the client's own thread, then relay both ways. */
    private final class Dial extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel client = ctx.channel();
            ChannelFuture f = new Bootstrap()
                    .group(client.eventLoop())
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.AUTO_READ, false)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                    .handler(new ChannelInboundHandlerAdapter())
                    .connect(target);
            Channel server = f.channel();
            channels.add(server);
            f.addListener((ChannelFuture done) -> {
                if (!done.isSuccess() || !client.isActive()) {
                    client.close();
                    server.close();
                    return;
                }
                client.pipeline().replace(this, "relay", new Relay(server));
                server.pipeline().addLast("relay", new Relay(client));
                client.config().setAutoRead(true);
                server.config().setAutoRead(true);
            });
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /**
     * One direction: what its channel reads goes to {@code sink} after the delay. Runs on the one
     * thread that serves both channels.
     */
    private final class Relay extends ChannelInboundHandlerAdapter {
        private final Channel sink;
        private long delayed;
        private boolean paused;

        Relay(Channel sink) {
            this.sink = sink;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof ByteBuf buf)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            int n = buf.readableBytes();
            delayed += n;
            if (delayed > maxDelayedBytes && !paused) {
                paused = true;
                ctx.channel().config().setAutoRead(false);
            }
            // Same delay for every chunk and tasks of equal deadline run in the order scheduled: order is kept.
            ctx.executor().schedule(() -> deliver(ctx, buf, n), delayNanos, TimeUnit.NANOSECONDS);
        }

        private void deliver(ChannelHandlerContext ctx, ByteBuf buf, int n) {
            if (!sink.isActive()) {
                buf.release();
                delivered(ctx, n);
                return;
            }
            sink.writeAndFlush(buf).addListener((ChannelFuture done) -> {
                delivered(ctx, n);
                if (!done.isSuccess()) {
                    ctx.close();
                    sink.close();
                }
            });
        }

        private void delivered(ChannelHandlerContext ctx, int n) {
            delayed -= n;
            if (paused && delayed <= maxDelayedBytes / 2) {
                paused = false;
                ctx.channel().config().setAutoRead(true);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            // The close travels like the bytes: after them, one latency later.
            ctx.executor()
                    .schedule(
                            () -> {
                                if (sink.isActive()) {
                                    sink.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                                }
                            },
                            delayNanos,
                            TimeUnit.NANOSECONDS);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
            sink.close();
        }
    }
}
