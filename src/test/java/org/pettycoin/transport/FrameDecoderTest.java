package org.pettycoin.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.Network;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.GetPeersPacket;
import org.pettycoin.protocol.PacketCodec;

/** The frame decoder alone: frames split anywhere, and how it stops. */
class FrameDecoderTest {
    @Test
    void framesSplitAtEveryByteDecodeInOrder() {
        BlockPacket block = new BlockPacket(Network.TESTNET.genesis());
        byte[] stream = Frames.concat(PacketCodec.encode(new GetPeersPacket()), PacketCodec.encode(block));
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(new PacketCounts()));
        for (byte b : stream) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertThat(ch.<Object>readInbound()).isEqualTo(new Inbound.Decoded(new GetPeersPacket()));
        // A BLOCK comes up with the frame it came in and its id, made here once.
        assertThat(ch.<Object>readInbound()).isInstanceOfSatisfying(Inbound.DecodedBlock.class, d -> {
            assertThat(new BlockPacket(d.block().block())).isEqualTo(block);
            assertThat(d.block().frame().frame()).isEqualTo(PacketCodec.encode(block));
            assertThat(d.block().id()).isEqualTo(BlockIds.id(block.block()));
        });
        assertThat(ch.<Object>readInbound()).isNull();
    }

    @Test
    void framesTogetherInOneReadAllDecode() {
        byte[] one = PacketCodec.encode(new GetPeersPacket());
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(new PacketCounts()));
        ch.writeInbound(Unpooled.wrappedBuffer(Frames.concat(one, one, one)));
        for (int i = 0; i < 3; i++) {
            assertThat(ch.<Object>readInbound()).isEqualTo(new Inbound.Decoded(new GetPeersPacket()));
        }
    }

    @Test
    void nothingIsDecodedAfterAMalformedFrame() {
        byte[] good = PacketCodec.encode(new GetPeersPacket());
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(new PacketCounts()));
        ch.writeInbound(Unpooled.wrappedBuffer(Frames.concat(Frames.frame(3, new byte[0]), good)));
        ch.writeInbound(Unpooled.wrappedBuffer(good));
        Inbound.Malformed bad = ch.readInbound();
        assertThat(bad.error().code()).isEqualTo(ErrorCode.UNKNOWN_COMMAND);
        assertThat(ch.<Object>readInbound()).isNull();
        assertThat(ch.config().isAutoRead()).isFalse();
    }

    @Test
    void aBadLengthIsReportedBeforeItsBytesArrive() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(new PacketCounts()));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}));
        Inbound.BadLength bad = ch.readInbound();
        assertThat(bad.error().code()).isEqualTo(ErrorCode.INVALID_LEN);
    }
}
