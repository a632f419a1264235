package org.pettycoin.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.chain.Network;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.ErrPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.GetPeersPacket;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PacketCodec;

/** Two transports, or a transport and a raw socket, on 127.0.0.1. */
@Timeout(10)
class TransportTest {
    private static final InetSocketAddress ANY_LOOPBACK_PORT =
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    static final TransportConfig CONFIG = TransportConfig.defaults()
            .withInputTimeout(Duration.ofSeconds(5))
            .withOutputIdle(Duration.ofSeconds(30))
            .withConnectTimeout(Duration.ofSeconds(2));

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    private Recorder recorder() {
        Recorder r = new Recorder();
        cleanup.add(r);
        return r;
    }

    private Transport transport(TransportConfig config, Recorder r) {
        Transport t = new Transport(config, r, r.node);
        cleanup.add(t);
        return t;
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Test
    void twoTransportsExchangePacketsBothWaysInOrder() throws IOException {
        Recorder server = recorder();
        Recorder client = recorder();
        int port = transport(CONFIG, server).listen(ANY_LOOPBACK_PORT);
        transport(CONFIG, client).connect(loopback(port));

        Connection out = client.next(Recorder.Connected.class).connection();
        Connection in = server.next(Recorder.Connected.class).connection();
        assertThat(out.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(out.remoteAddress()).isEqualTo(loopback(port));
        assertThat(in.direction()).isEqualTo(Direction.INBOUND);
        assertThat(in.id()).isEqualTo(1);

        List<Packet> toServer = List.of(
                new GetPeersPacket(),
                new BlockPacket(Network.TESTNET.genesis()),
                ErrPacket.of(ErrorCode.UNKNOWN_BLOCK),
                new GetPeersPacket());
        toServer.forEach(out::send);
        List<Packet> toClient = List.of(new BlockPacket(Network.TESTNET.genesis()), new GetPeersPacket());
        toClient.forEach(in::send);

        for (Packet p : toServer) {
            Recorder.Received got = server.next(Recorder.Received.class);
            assertThat(got.connection()).isSameAs(in);
            assertThat(got.packet()).isEqualTo(p);
        }
        for (Packet p : toClient) {
            assertThat(client.next(Recorder.Received.class).packet()).isEqualTo(p);
        }
        server.assertOnlyNodeThread();
        client.assertOnlyNodeThread();
    }

    @Test
    void eachSideCountsTheBytesOfEveryFrameItReadAndWrote() throws IOException {
        Recorder server = recorder();
        Recorder client = recorder();
        Transport serving = transport(CONFIG, server);
        Transport dialling = transport(CONFIG, client);
        dialling.connect(loopback(serving.listen(ANY_LOOPBACK_PORT)));
        Connection out = client.next(Recorder.Connected.class).connection();
        Connection in = server.next(Recorder.Connected.class).connection();
        assertThat(serving.traffic()).isEqualTo(Traffic.NONE);

        Packet block = new BlockPacket(Network.TESTNET.genesis());
        out.send(block);
        out.send(new GetPeersPacket());
        in.send(new GetPeersPacket());
        server.next(Recorder.Received.class);
        server.next(Recorder.Received.class);
        client.next(Recorder.Received.class);

        long sent = (long) PacketCodec.encode(block).length + PacketCodec.encode(new GetPeersPacket()).length;
        long back = PacketCodec.encode(new GetPeersPacket()).length;
        assertThat(serving.traffic()).isEqualTo(new Traffic(sent, back));
        assertThat(dialling.traffic()).isEqualTo(new Traffic(back, sent));
    }

    @Test
    void eachConnectionCountsItsOwnBytesAndTheyAddUpToTheTransportsTotals() throws IOException {
        Recorder server = recorder();
        Recorder client = recorder();
        Transport serving = transport(CONFIG, server);
        Transport dialling = transport(CONFIG, client);
        int port = serving.listen(ANY_LOOPBACK_PORT);
        dialling.connect(loopback(port));
        Connection out1 = client.next(Recorder.Connected.class).connection();
        Connection in1 = server.next(Recorder.Connected.class).connection();
        dialling.connect(loopback(port));
        Connection out2 = client.next(Recorder.Connected.class).connection();
        Connection in2 = server.next(Recorder.Connected.class).connection();
        assertThat(in1.traffic()).isEqualTo(Traffic.NONE);

        Packet block = new BlockPacket(Network.TESTNET.genesis());
        long blockBytes = PacketCodec.encode(block).length;
        long getPeersBytes = PacketCodec.encode(new GetPeersPacket()).length;
        out1.send(block);
        out1.send(new GetPeersPacket());
        out2.send(new GetPeersPacket());
        in2.send(block);
        for (int i = 0; i < 3; i++) {
            server.next(Recorder.Received.class);
        }
        client.next(Recorder.Received.class);

        assertThat(in1.traffic()).isEqualTo(new Traffic(blockBytes + getPeersBytes, 0));
        assertThat(in2.traffic()).isEqualTo(new Traffic(getPeersBytes, blockBytes));
        // Each side of one connection sees the same bytes, the other way round.
        assertThat(out1.traffic()).isEqualTo(new Traffic(0, blockBytes + getPeersBytes));
        assertThat(out2.traffic()).isEqualTo(new Traffic(blockBytes, getPeersBytes));
        assertThat(sum(in1.traffic(), in2.traffic())).isEqualTo(serving.traffic());
        assertThat(sum(out1.traffic(), out2.traffic())).isEqualTo(dialling.traffic());
    }

    private static Traffic sum(Traffic a, Traffic b) {
        return new Traffic(a.bytesIn() + b.bytesIn(), a.bytesOut() + b.bytesOut());
    }

    @Test
    void closingAConnectionEndsItOnBothSidesAndStopsItsEvents() throws IOException {
        Recorder server = recorder();
        int port = transport(CONFIG, server).listen(ANY_LOOPBACK_PORT);
        server.onPacket((c, p) -> c.close());
        try (RawPeer peer = new RawPeer(port)) {
            Connection in = server.next(Recorder.Connected.class).connection();
            byte[] getPeers = PacketCodec.encode(new GetPeersPacket());
            peer.send(Frames.concat(getPeers, getPeers, getPeers, getPeers));

            server.next(Recorder.Received.class);
            Recorder.Closed closed = server.next(Recorder.Closed.class);
            assertThat(closed.connection()).isSameAs(in);
            assertThat(closed.reason().cause()).isEqualTo(CloseReason.Cause.LOCAL);
            assertThat(in.isOpen()).isFalse();
            assertThat(peer.readUntilClosed()).isEmpty();
        }
        assertThat(server.poll(Duration.ofMillis(100))).isNull();
    }

    @Test
    void aPeerClosingIsReported() throws IOException {
        Recorder server = recorder();
        int port = transport(CONFIG, server).listen(ANY_LOOPBACK_PORT);
        new RawPeer(port).close();
        server.next(Recorder.Connected.class);
        assertThat(server.next(Recorder.Closed.class).reason().cause()).isEqualTo(CloseReason.Cause.PEER_CLOSED);
    }

    @Test
    void aPacketSentJustBeforeThePeerClosesIsDelivered() throws IOException {
        Recorder server = recorder();
        int port = transport(CONFIG, server).listen(ANY_LOOPBACK_PORT);
        try (RawPeer peer = new RawPeer(port)) {
            peer.send(PacketCodec.encode(new GetPeersPacket()));
        }
        server.next(Recorder.Connected.class);
        assertThat(server.next(Recorder.Received.class).packet()).isEqualTo(new GetPeersPacket());
        assertThat(server.next(Recorder.Closed.class).reason().cause()).isEqualTo(CloseReason.Cause.PEER_CLOSED);
    }

    @Test
    void listeningOnAPortInUseFails() throws IOException {
        Transport t = transport(CONFIG, recorder());
        int port = t.listen(ANY_LOOPBACK_PORT);
        assertThatThrownBy(() -> t.listen(loopback(port))).isInstanceOf(IOException.class);
    }

    @Test
    void connectingToAClosedPortReportsFailure() throws IOException {
        // Port 1: privileged, so nothing of ours listens there, and outside the ephemeral range, so
        // a connect cannot meet itself (a freed ephemeral port can: TCP simultaneous open).
        int port = 1;
        Recorder client = recorder();
        transport(CONFIG, client).connect(loopback(port));
        Recorder.ConnectFailed failed = client.next(Recorder.ConnectFailed.class);
        assertThat(failed.remote()).isEqualTo(loopback(port));
        assertThat(failed.reason()).containsIgnoringCase("refused");
    }

    @Test
    void closingTheTransportClosesItsConnections() throws IOException {
        Recorder server = recorder();
        Recorder client = recorder();
        int port = transport(CONFIG, server).listen(ANY_LOOPBACK_PORT);
        Transport clientTransport = transport(CONFIG, client);
        clientTransport.connect(loopback(port));
        client.next(Recorder.Connected.class);
        server.next(Recorder.Connected.class);

        clientTransport.close();

        assertThat(client.next(Recorder.Closed.class).reason().cause()).isEqualTo(CloseReason.Cause.SHUTDOWN);
        assertThat(server.next(Recorder.Closed.class).reason().cause()).isEqualTo(CloseReason.Cause.PEER_CLOSED);
        assertThatThrownBy(() -> clientTransport.connect(loopback(port))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingTheTransportStopsListening() throws IOException {
        Recorder server = recorder();
        Transport t = transport(CONFIG, server);
        int port = t.listen(ANY_LOOPBACK_PORT);
        t.close();
        assertThatThrownBy(() -> new RawPeer(port).close()).isInstanceOf(IOException.class);
    }
}
