package org.pettycoin.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;

/** A plain socket playing a peer that sends exactly the bytes a test wants. */
final class RawPeer implements AutoCloseable {
    private static final int READ_TIMEOUT_MILLIS = 5000;
    private static final int RECEIVE_BUFFER = 64 * 1024;

    private final Socket socket = new Socket();

    RawPeer(int port, int receiveBuffer) throws IOException {
        socket.setReceiveBufferSize(receiveBuffer);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    RawPeer(int port) throws IOException {
        this(port, RECEIVE_BUFFER);
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** Everything the other side sends until it closes (a reset counts as a close). */
    byte[] readUntilClosed() throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                got.write(b);
            }
        } catch (SocketException reset) {
            // The other side closed with our bytes unread: a reset instead of a FIN.
        }
        return got.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
