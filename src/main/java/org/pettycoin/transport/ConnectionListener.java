package org.pettycoin.transport;

import java.net.InetSocketAddress;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.ProtocolException;

/**
 * What happens on the transport, for the protocol layer. Called only through the executor given to
 * {@link Transport}, never on an I/O thread. For one connection the order is {@link #connected},
 * then any of {@link #packet}, {@link #malformed} (at most once, and last of the packets) and
 * {@link #outputIdle}, then {@link #closed} exactly once.
 */
public interface ConnectionListener {
    /** A connection opened, inbound or outbound. */
    void connected(Connection connection);

    /** A packet arrived whole and decoded. */
    void packet(Connection connection, Packet packet);

    /** A BLOCK arrived whole and decoded, with its frame and id; by default, as any packet. */
    default void block(Connection connection, ReceivedBlock block) {
        packet(connection, new BlockPacket(block.block()));
    }

    /**
     * A frame arrived whole but does not decode; the exception carries the ecode C would answer with.
     * Nothing more is read from this connection: the protocol layer decides whether to send ERR and
     * close (it should, as C does); if it does neither, the input timeout closes it.
     */
    void malformed(Connection connection, ProtocolException error);

    /**
     * Nothing was sent on this connection for the output-idle interval (10 s, C's PROTOCOL_TIMEOUT); repeats
     * every interval while that lasts, so the protocol layer may send a keepalive.
     */
    void outputIdle(Connection connection);

    /** The connection is gone. */
    void closed(Connection connection, CloseReason reason);

    /** An outbound connection could not be opened (refused, unreachable, timed out, shut down). */
    void connectFailed(InetSocketAddress remote, String reason);
}
