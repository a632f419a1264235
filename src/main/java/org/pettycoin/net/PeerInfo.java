package org.pettycoin.net;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalLong;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.transport.Direction;
import org.pettycoin.transport.Traffic;

/**
 * What getpeerinfo shows of one connection: a plain value the peer layer fills in on the node
 * thread ({@code PeerNetwork.peerInfo}), so that the RPC never touches live peer objects.
 *
 * @param peerNum the connection's number (C's {@code peer_num})
 * @param welcomed its WELCOME has arrived; before that it has no uuid
 * @param listenPort the port its WELCOME says it listens on (0 before)
 * @param connectedMillis the node clock's monotonic reading, ms, when the connection opened
 * @param requestsInFlight our requests it has not answered yet
 * @param requestWindow how many requests it may have in flight
 * @param score misbehaviour short of a disconnect (timed-out batches)
 * @param moniker the implementation its WELCOME names ("" before the welcome)
 * @param roundTripMillis its smoothed round-trip time for our requests; empty until it answered one
 * @param traffic the bytes this connection's socket read and wrote, frames included
 */
public record PeerInfo(
        int peerNum,
        InetSocketAddress remote,
        boolean inbound,
        boolean welcomed,
        Optional<NodeUuid> uuid,
        int listenPort,
        boolean weAreSyncing,
        boolean theyAreSyncing,
        long connectedMillis,
        int requestsInFlight,
        int requestWindow,
        int score,
        String moniker,
        OptionalLong roundTripMillis,
        Traffic traffic) {

    /** Whether it is a node of ours: welcomed, with our moniker (as {@link ComplaintAudience#of} tells). */
    public boolean javaNode() {
        return welcomed && ComplaintAudience.ofMoniker(moniker) == ComplaintAudience.OURS;
    }

    /** A snapshot of one peer and its requests. */
    static PeerInfo of(Peer p, RequestScheduler<Peer> requests) {
        return new PeerInfo(
                p.connection.id(),
                p.connection.remoteAddress(),
                p.connection.direction() == Direction.INBOUND,
                p.welcomed(),
                p.uuid(),
                p.listenPort(),
                p.weAreSyncing,
                p.theyAreSyncing,
                p.connectedMillis,
                requests.inFlightTo(p),
                requests.window(p),
                p.score,
                p.moniker(),
                requests.roundTripMillis(p),
                p.connection.traffic());
    }
}
