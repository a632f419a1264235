package org.pettycoin.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.Network;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.GetPeersPacket;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.PacketType;

/** Packets are counted by type where they are decoded and encoded; a frame that does not decode is not. */
class PacketCountsTest {
    @Test
    void decodedFramesCountByTypeWithTheirWholeLength() {
        PacketCounts counts = new PacketCounts();
        byte[] block = PacketCodec.encode(new BlockPacket(Network.TESTNET.genesis()));
        byte[] peers = PacketCodec.encode(new GetPeersPacket());
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(counts));
        ch.writeInbound(Unpooled.wrappedBuffer(Frames.concat(block, peers, peers)));

        assertThat(counts.packetsReceived(PacketType.BLOCK)).isEqualTo(1);
        assertThat(counts.bytesReceived(PacketType.BLOCK)).isEqualTo(block.length);
        assertThat(counts.packetsReceived(PacketType.GET_PEERS)).isEqualTo(2);
        assertThat(counts.bytesReceived(PacketType.GET_PEERS)).isEqualTo(2L * peers.length);
        assertThat(counts.packetsSent(PacketType.BLOCK)).isZero();
    }

    @Test
    void anUndecodableFrameIsNotCounted() {
        PacketCounts counts = new PacketCounts();
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(counts));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {8, 0, 0, 0, 99, 0, 0, 0}));
        for (PacketType t : PacketType.values()) {
            assertThat(counts.packetsReceived(t)).isZero();
        }
    }

    @Test
    void encodedPacketsCountAsSent() {
        PacketCounts counts = new PacketCounts();
        EmbeddedChannel ch = new EmbeddedChannel(new PacketEncoder(counts));
        ch.writeOutbound(new GetPeersPacket());
        assertThat(counts.packetsSent(PacketType.GET_PEERS)).isEqualTo(1);
        assertThat(counts.bytesSent(PacketType.GET_PEERS)).isEqualTo(PacketCodec.encode(new GetPeersPacket()).length);
    }
}
