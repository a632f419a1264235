package org.pettycoin.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the bytes every connection of one transport reads and writes, at the head of each
 * pipeline: what crossed the socket, frames and headers included. Shared by all of them, and read
 * from any thread. Each connection's own share is kept with its channel ({@link ConnectionTraffic}).
 */
@ChannelHandler.Sharable
final class TrafficCounter extends ChannelDuplexHandler {
    private final LongAdder in = new LongAdder();
    private final LongAdder out = new LongAdder();
    private final PacketCounts packets = new PacketCounts();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf b) {
            int n = b.readableBytes();
            in.add(n);
            ConnectionTraffic.of(ctx.channel()).read(n);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    @SuppressWarnings("FutureReturnValueIgnored") // the promise passed on reports the write's outcome
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf b) {
            int n = b.readableBytes();
            out.add(n);
            ConnectionTraffic.of(ctx.channel()).wrote(n);
        }
        ctx.write(msg, promise);
    }

    /** The same traffic by packet type, counted where frames are decoded and encoded. */
    PacketCounts packets() {
        return packets;
    }

    Traffic totals() {
        return new Traffic(in.sum(), out.sum());
    }
}
