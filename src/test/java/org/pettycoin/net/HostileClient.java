package org.pettycoin.net;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.Optional;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.WelcomePacket;

/** A hand-driven peer on a plain socket, for hostile-peer tests. */
public final class HostileClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public HostileClient(InetSocketAddress node) throws IOException {
        socket = new Socket();
        socket.connect(node, 2000);
        socket.setSoTimeout(200);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    public void sendBytes(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    void send(Packet p) throws IOException {
        sendBytes(PacketCodec.encode(p));
    }

    /** Sends a welcome (with {@code best} as our best block) and reads the node's. */
    public WelcomePacket welcome(Optional<Block> best) throws Exception {
        send(welcomePacket(randomUuid(), 1, org.pettycoin.protocol.WelcomePacket.ALL_INTERESTS, best));
        return (WelcomePacket) read(5000).orElseThrow();
    }

    /** Sends {@code w} as our welcome (a captured one, or one naming another implementation) and reads the node's. */
    WelcomePacket welcome(WelcomePacket w) throws Exception {
        send(w);
        return (WelcomePacket) read(5000).orElseThrow();
    }

    /** Welcomes as one of our own nodes ({@link Handshake#MONIKER}), at genesis. */
    WelcomePacket welcomeAsOurs() throws Exception {
        return welcome(new WelcomePacket(
                1,
                WelcomePacket.moniker(Handshake.MONIKER),
                0,
                randomUuid(),
                welcomePacket(randomUuid(), 1, WelcomePacket.ALL_INTERESTS, Optional.empty())
                        .you(),
                WelcomePacket.ALL_INTERESTS,
                Optional.empty()));
    }

    /** The first packet of type {@code kind}, skipping others (requests, announcements); empty if none in time. */
    <T extends Packet> Optional<T> next(Class<T> kind, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            Optional<Packet> p = read(deadline - System.currentTimeMillis());
            if (p.isPresent() && kind.isInstance(p.get())) {
                return Optional.of(kind.cast(p.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Everything the node sends until it answers a GET_CHILDREN of {@code block} sent now: since it
     * handles our packets in order and sends in order, whatever it was going to send us before that
     * point is in the list (bounded by the answer, not by a wait).
     */
    java.util.List<Packet> upToChildrenOf(org.pettycoin.protocol.Hash256 block) throws Exception {
        send(new org.pettycoin.protocol.GetChildrenPacket(block));
        java.util.List<Packet> out = new java.util.ArrayList<>();
        while (true) {
            Packet p = read(10_000).orElseThrow(() -> new AssertionError("no CHILDREN within 10 s"));
            if (p instanceof org.pettycoin.protocol.ChildrenPacket c
                    && c.block().equals(block)) {
                return out;
            }
            out.add(p);
        }
    }

    static NodeUuid randomUuid() {
        byte[] u = new byte[NodeUuid.LENGTH];
        new SecureRandom().nextBytes(u);
        return NodeUuid.of(u);
    }

    static WelcomePacket welcomePacket(
            NodeUuid uuid, long version, org.pettycoin.protocol.Bytes interests, Optional<Block> best) {
        NetAddress you = NetAddresses.of(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 1), NodeUuid.of(new byte[16]), 0);
        return new WelcomePacket(version, WelcomePacket.moniker("test"), 0, uuid, you, interests, best);
    }

    /** Skips packets until an ERR or the end; the ERR's code, if one came. */
    public java.util.OptionalLong errorCode(long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            Optional<Packet> p;
            try {
                p = read(deadline - System.currentTimeMillis());
            } catch (IOException e) {
                return java.util.OptionalLong.empty();
            }
            if (p.isEmpty()) {
                return java.util.OptionalLong.empty();
            }
            if (p.get() instanceof org.pettycoin.protocol.ErrPacket e) {
                return e.error();
            }
        }
        return java.util.OptionalLong.empty();
    }

    /** The next packet, if one comes within {@code millis}; empty on timeout. */
    Optional<Packet> read(long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        byte[] header = new byte[4];
        int got = 0;
        while (got < 4) {
            try {
                int n = in.read(header, got, 4 - got);
                if (n < 0) {
                    throw new EOFException();
                }
                got += n;
            } catch (SocketTimeoutException e) {
                if (System.currentTimeMillis() > deadline) {
                    return Optional.empty();
                }
            }
        }
        int len = java.nio.ByteBuffer.wrap(header)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getInt();
        byte[] frame = new byte[len];
        System.arraycopy(header, 0, frame, 0, 4);
        socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis() + 5000));
        new DataInputStream(in).readFully(frame, 4, len - 4);
        socket.setSoTimeout(200);
        return Optional.of(PacketCodec.decode(frame));
    }

    /** Whether the node hangs up within {@code millis} (draining whatever it sends meanwhile). */
    boolean closedWithin(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        byte[] sink = new byte[65536];
        while (System.currentTimeMillis() < deadline) {
            try {
                if (in.read(sink) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // still open
            } catch (IOException e) {
                return true; // reset
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
