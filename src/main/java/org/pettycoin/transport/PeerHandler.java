package org.pettycoin.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last in the pipeline: turns what the decoder and timers report into listener events or closes.
 * Holds no policy beyond the byte-stream rules of the package.
 */
final class PeerHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(PeerHandler.class);

    private final ConnectionRegistry registry;
    private final Direction direction;
    private final Optional<InetSocketAddress> dialled;
    private final TransportConfig config;
    private Optional<NettyConnection> connection = Optional.empty();

    PeerHandler(
            ConnectionRegistry registry,
            Direction direction,
            Optional<InetSocketAddress> dialled,
            TransportConfig config) {
        this.registry = registry;
        this.direction = direction;
        this.dialled = dialled;
        this.config = config;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetSocketAddress remote =
                dialled.orElseGet(() -> (InetSocketAddress) ctx.channel().remoteAddress());
        connection = Optional.of(registry.opened(ctx.channel(), direction, remote));
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        NettyConnection c = connection.orElseThrow();
        if (msg instanceof Inbound.Decoded d) {
            c.deliverPacket(d.packet());
        } else if (msg instanceof Inbound.DecodedBlock b) {
            c.deliverBlock(b.block());
        } else if (msg instanceof Inbound.Malformed m) {
            c.deliverMalformed(m.error());
        } else if (msg instanceof Inbound.BadLength b) {
            c.closeWith(new CloseReason(
                    CloseReason.Cause.BAD_FRAME_LENGTH, b.error().getMessage()));
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == PeerTimers.Event.INPUT_TIMEOUT) {
            connection
                    .orElseThrow()
                    .closeWith(new CloseReason(
                            CloseReason.Cause.INPUT_TIMEOUT,
                            "no complete packet within " + config.inputTimeout().toMillis() + " ms"));
        } else if (evt == PeerTimers.Event.OUTPUT_IDLE) {
            connection.orElseThrow().deliverOutputIdle();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // The high water mark is the queue bound (Transport sets it), so unwritable means over it.
        if (!ctx.channel().isWritable()) {
            connection
                    .orElseThrow()
                    .closeWith(new CloseReason(
                            CloseReason.Cause.OUTPUT_OVERFLOW,
                            "more than " + config.maxQueuedBytes() + " bytes queued that the peer does not read"));
        }
        ctx.fireChannelWritabilityChanged();
    }

    @SuppressWarnings("FutureReturnValueIgnored") // a close is reported by channelInactive
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("{}: {}", connection.map(Object::toString).orElse("unopened connection"), cause.toString());
        connection.ifPresentOrElse(
                c -> c.closeWith(new CloseReason(CloseReason.Cause.IO_ERROR, cause.toString())), ctx::close);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.ifPresent(registry::closed);
        ctx.fireChannelInactive();
    }
}
