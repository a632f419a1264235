package org.pettycoin.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PacketCodec;

/**
 * Encodes outgoing packets on the I/O thread, so that {@link Connection#send} costs the caller
 * nothing. A packet that cannot be encoded fails its write, and the connection closes.
 */
final class PacketEncoder extends MessageToMessageEncoder<Packet> {
    @Override
    protected void encode(ChannelHandlerContext ctx, Packet packet, List<Object> out) {
        out.add(Unpooled.wrappedBuffer(PacketCodec.encode(packet)));
    }
}
