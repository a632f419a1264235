package org.pettycoin.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A listening transport with its recorder, for tests that talk to it over a raw socket. */
final class PeerFixture implements AutoCloseable {
    final Recorder recorder = new Recorder();
    final Transport transport;
    final int port;

    PeerFixture(TransportConfig config) throws IOException {
        transport = new Transport(config, recorder, recorder.node);
        port = transport.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @Override
    public void close() {
        transport.close();
        recorder.close();
    }
}
