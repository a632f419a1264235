package org.pettycoin.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;
import org.pettycoin.protocol.EncodedPacket;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PacketCodec;

/**
 * Encodes outgoing packets on the I/O thread, so that {@link Connection#send} costs the caller
 * nothing; a packet sent already encoded goes out as its frame. A packet that cannot be encoded
 * fails its write, and the connection closes.
 */
final class PacketEncoder extends MessageToMessageEncoder<Object> {
    private final PacketCounts counts;

    PacketEncoder(PacketCounts counts) {
        this.counts = counts;
    }

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof Packet || msg instanceof EncodedPacket;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) {
        byte[] frame = msg instanceof EncodedPacket e ? e.frame() : PacketCodec.encode((Packet) msg);
        counts.sent(frame);
        PacketLog.out(ctx.channel(), frame);
        out.add(Unpooled.wrappedBuffer(frame));
    }
}
