package org.pettycoin.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.testing.Await;

/**
 * The transport's connection limits, with plain sockets from several loopback addresses (all of
 * 127.0.0.0/8 is this machine). A refused socket is closed before the listener hears of it.
 */
@Timeout(30)
class ConnectionLimitsTest {
    private static final Duration QUIET = Duration.ofMillis(300);

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

    private Transport listening(PeerLimits limits, Recorder r) throws IOException {
        // Long enough that no admitted socket is closed for silence while the test looks at the others.
        Transport t = new Transport(
                TransportTest.CONFIG.withInputTimeout(Duration.ofSeconds(60)).withLimits(limits), r, r.node);
        cleanup.add(t);
        port = t.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return t;
    }

    private int port;

    /** A socket from {@code 127.0.0.<host>} to the transport under test. */
    private Socket from(int host) throws IOException {
        Socket s = new Socket();
        cleanup.add(s);
        s.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host}), 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        return s;
    }

    /** Whether the node closed the socket: end of stream or reset, waiting at most 5 s for it. */
    private static boolean closedByNode(Socket s) throws IOException {
        s.setSoTimeout(5000);
        InputStream in = s.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** Whether the sockets are all still open after a short wait (the recorder sends nothing). */
    private static void assertStillOpen(List<Socket> sockets) throws Exception {
        Thread.sleep(QUIET.toMillis());
        for (Socket s : sockets) {
            assertThat(stillOpen(s)).as("%s still open", s).isTrue();
        }
    }

    private static boolean stillOpen(Socket s) throws IOException {
        s.setSoTimeout(1);
        try {
            return s.getInputStream().read() >= 0;
        } catch (SocketTimeoutException quiet) {
            return true;
        } catch (SocketException reset) {
            return false;
        }
    }

    private static void expectConnections(Recorder r, int n) {
        for (int i = 0; i < n; i++) {
            r.next(Recorder.Connected.class);
        }
        assertThat(r.poll(QUIET)).isNull();
    }

    @Test
    void aNinthConnectionFromOneAddressIsClosedAtOnceAndTheSlotComesBackOnClose() throws Exception {
        Recorder r = recorder();
        Transport t = listening(PeerLimits.defaults(), r);
        List<Socket> eight = new ArrayList<>();
        for (int i = 0; i < PeerLimits.MAX_INBOUND_PER_ADDRESS; i++) {
            eight.add(from(5));
        }
        expectConnections(r, 8);
        Socket ninth = from(5);
        assertThat(closedByNode(ninth)).isTrue();
        assertThat(r.poll(QUIET)).isNull();
        assertThat(t.refusedInbound()).isEqualTo(1);
        // Another address is served.
        Socket other = from(6);
        expectConnections(r, 1);
        List<Socket> open = new ArrayList<>(eight);
        open.add(other);
        assertStillOpen(open);

        eight.get(0).close();
        r.next(Recorder.Closed.class);
        Socket again = from(5);
        expectConnections(r, 1);
        assertStillOpen(List.of(again));
        assertThat(t.slotsInUse()).isEqualTo(new Transport.SlotsInUse(9, 0));
    }

    @Test
    void loopbackMayHoldMoreWhenTheLimitsSaySo() throws Exception {
        Recorder r = recorder();
        listening(PeerLimits.defaults().withLoopbackUnlimited(true), r);
        List<Socket> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(from(1));
        }
        expectConnections(r, 20);
        assertStillOpen(many);
    }

    @Test
    void theTotalCountsDialsAndInboundNeverTakesTheirReserve() throws Exception {
        Recorder r = recorder();
        PeerLimits eight = PeerLimits.defaults().withMaxPeers(8);
        assertThat(eight.outboundReserve()).isEqualTo(2);
        Transport t = listening(eight, r);
        List<Socket> in = new ArrayList<>();
        for (int host = 10; host < 16; host++) {
            in.add(from(host));
        }
        expectConnections(r, 6);
        Socket seventh = from(16);
        assertThat(closedByNode(seventh)).isTrue();

        // Our own dials still have their two slots, and no more.
        Recorder far = recorder();
        Transport other = new Transport(TransportTest.CONFIG, far, far.node);
        cleanup.add(other);
        int otherPort = other.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        InetSocketAddress there = new InetSocketAddress(InetAddress.getLoopbackAddress(), otherPort);
        t.connect(there);
        t.connect(there);
        expectConnections(r, 2);
        t.connect(there);
        Recorder.ConnectFailed failed = r.next(Recorder.ConnectFailed.class);
        assertThat(failed.reason()).contains("limit of 8 peers");
        assertThat(t.slotsInUse()).isEqualTo(new Transport.SlotsInUse(6, 2));

        // A dial that fails gives its slot back.
        in.get(0).close();
        r.next(Recorder.Closed.class);
        t.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), unusedPort()));
        r.next(Recorder.ConnectFailed.class);
        assertThat(Await.await(Duration.ofSeconds(5), () -> t.slotsInUse().equals(new Transport.SlotsInUse(5, 2))))
                .isTrue();
        Socket back = from(17);
        expectConnections(r, 1);
        assertStillOpen(List.of(back));
    }

    private static int unusedPort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
