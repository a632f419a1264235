package org.pettycoin.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A seed server as the C node expects one: on 127.0.0.1, it writes the same bytes to everyone who
 * connects and hangs up (what C's seed served was a file made by {@code tools/make-peer-packet}).
 */
final class SeedServer implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger asked = new AtomicInteger();

    SeedServer(byte[] answer) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> serve(answer), "test-seed-server");
        t.setDaemon(true);
        t.start();
    }

    private void serve(byte[] answer) {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                asked.incrementAndGet();
                OutputStream out = s.getOutputStream();
                out.write(answer);
                out.flush();
            } catch (IOException e) {
                // closed, or the asker hung up first
            }
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Connections served so far. */
    int asked() {
        return asked.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
