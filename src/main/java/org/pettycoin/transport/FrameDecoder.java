package org.pettycoin.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.Framing;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.ProtocolException;

/**
 * Splits the byte stream into frames ({@code le32 len} counting the whole frame, C's protocol_net.h) and
 * decodes each on the I/O thread, so the node thread only ever sees packets. The length is checked
 * before anything is buffered for it, so a lying length costs nothing. After a bad length or a frame
 * that does not decode, nothing further is decoded and reading stops: what follows a broken frame
 * cannot be trusted to be framed, and C stops reading there too (peer.c pkt_in).
 */
final class FrameDecoder extends ByteToMessageDecoder {
    private final PacketCounts counts;
    private boolean stopped;

    FrameDecoder(PacketCounts counts) {
        this.counts = counts;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (stopped) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < Framing.LENGTH_FIELD_LENGTH) {
            return;
        }
        int length;
        try {
            length = Framing.checkLength(in.getUnsignedIntLE(in.readerIndex()));
        } catch (ProtocolException e) {
            stop(ctx, in);
            out.add(new Inbound.BadLength(e));
            return;
        }
        if (in.readableBytes() < length) {
            return;
        }
        byte[] frame = new byte[length];
        in.readBytes(frame);
        PacketLog.in(ctx.channel(), frame);
        try {
            Packet p = PacketCodec.decode(frame);
            counts.received(frame);
            // A block keeps its frame (journaled and relayed as it came) and gets its id here, once.
            out.add(
                    p instanceof BlockPacket b
                            ? new Inbound.DecodedBlock(ReceivedBlock.decoded(b, frame))
                            : new Inbound.Decoded(p));
        } catch (ProtocolException e) {
            stop(ctx, in);
            out.add(new Inbound.Malformed(e));
        }
    }

    private void stop(ChannelHandlerContext ctx, ByteBuf in) {
        stopped = true;
        in.skipBytes(in.readableBytes());
        ctx.channel().config().setAutoRead(false);
    }
}
