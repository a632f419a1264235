package org.pettycoin.transport;

import java.net.InetSocketAddress;
import org.pettycoin.protocol.EncodedPacket;
import org.pettycoin.protocol.Packet;

/**
 * One open TCP connection to a peer, as the protocol layer sees it. Every method may be called from
 * any thread and none blocks. An interface so that protocol code can be tested with a fake.
 *
 * <p>Once this node calls {@link #close} or {@link #sendAndClose}, the connection's listener gets no
 * further events for it except {@link ConnectionListener#closed}: a decision to hang up is never
 * followed by packets the protocol layer must then ignore.
 */
public interface Connection {
    /** Numbers connections of one transport from 1 in the order they opened; never reused. */
    int id();

    /** The address we dialled (outbound) or the peer's source address (inbound). */
    InetSocketAddress remoteAddress();

    Direction direction();

    /**
     * The bytes this connection's socket read and wrote so far, frames included: its share of
     * {@link Transport#traffic}. None, by default, for a connection with no socket.
     */
    default Traffic traffic() {
        return Traffic.NONE;
    }

    /**
     * Queues {@code packet}; it is encoded and written on an I/O thread, after every packet sent
     * before it. Dropped if the connection is closing. A packet that cannot be encoded (over 4 MiB)
     * closes the connection with {@link CloseReason.Cause#IO_ERROR}.
     */
    void send(Packet packet);

    /**
     * Queues a packet already encoded (a received block being relayed, one broadcast to many): the
     * frame is written as it is. By default the packet is sent as any other.
     */
    default void send(EncodedPacket packet) {
        send(packet.packet());
    }

    /**
     * Queues {@code packet} as the last one (typically ERR), stops reading, and closes once it is
     * written, as C's writer does with {@code error_pkt} (peer.c plan_output). If the peer never takes it,
     * the input timeout ends the connection.
     */
    void sendAndClose(Packet packet);

    /** Closes at once; anything not yet written is dropped. */
    void close();

    /** False once the connection is closing or closed. */
    boolean isOpen();
}
