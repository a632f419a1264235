package org.pettycoin.transport;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.pettycoin.time.NodeClock;

/**
 * Builds one connection's pipeline: frames in, packets out, timers, then events. Every channel is
 * also put in the transport's group so that closing the transport reaches it, connected or not.
 */
final class PeerPipeline extends ChannelInitializer<SocketChannel> {
    private final ConnectionRegistry registry;
    private final ChannelGroup channels;
    private final TransportConfig config;
    private final NodeClock clock;
    private final Direction direction;
    private final Optional<InetSocketAddress> dialled;
    private final TrafficCounter traffic;

    PeerPipeline(
            ConnectionRegistry registry,
            ChannelGroup channels,
            TransportConfig config,
            NodeClock clock,
            Direction direction,
            Optional<InetSocketAddress> dialled,
            TrafficCounter traffic) {
        this.registry = registry;
        this.channels = channels;
        this.config = config;
        this.clock = clock;
        this.direction = direction;
        this.dialled = dialled;
        this.traffic = traffic;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        channels.add(ch);
        ch.pipeline()
                .addLast(
                        traffic,
                        new FrameDecoder(traffic.packets()),
                        new PacketEncoder(traffic.packets()),
                        new PeerTimers(config.inputTimeout(), config.outputIdle(), clock),
                        new PeerHandler(registry, direction, dialled, config));
    }
}
