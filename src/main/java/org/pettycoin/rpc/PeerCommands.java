package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;
import org.pettycoin.daemon.Node;
import org.pettycoin.net.PeerInfo;
import org.pettycoin.net.PeerNetwork;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.time.NodeClock;

/**
 * getpeerinfo and dev-listtodo (C's getpeerinfo.c, todo.c). C's fields about file descriptors and its own
 * packet queues have no counterpart over Netty and are left out; the rest keep C's names, and
 * what we add instead (direction, request window, moniker, round trip, bytes) has names of its own.
 */
final class PeerCommands {
    /** C's text for an address it could not get. */
    static final String UNKNOWN_ADDRESS = "UNKNOWN";
    /** C's prefix for an IPv4 address, which it keeps as IPv4-mapped IPv6. */
    private static final String V4_MAPPED = "::ffff:";

    private static final long MILLIS_PER_SECOND = 1000;

    private final Node node;

    PeerCommands(Node node) {
        this.node = node;
    }

    RpcCommand getpeerinfo() {
        return RpcCommand.of(
                "getpeerinfo", "Get information about our peers", "Returns an array of peers", List.of(), p -> peers());
    }

    RpcCommand listtodo() {
        return RpcCommand.of(
                "dev-listtodo",
                "List all outstanding TODO requests",
                "Returns how many items are wanted, and the requests out to each peer",
                List.of(),
                p -> todo());
    }

    private JsonNode peers() throws IOException {
        List<PeerInfo> peers = node.call(() -> node.network().peerInfo());
        // Connection times are monotonic readings: shown as the node clock's wall time they were.
        NodeClock clock = node.options().clock();
        long wallMinusMonotonic = clock.unixMillis() - clock.monotonicMillis();
        ArrayNode out = RpcJson.array();
        for (PeerInfo p : peers) {
            ObjectNode o = out.addObject();
            o.put("peer_num", p.peerNum());
            o.put("addr", addressText(p.remote()));
            o.put("addrlocal", UNKNOWN_ADDRESS);
            // C read the uuid from the welcome even before it came (and crashed): shown once known.
            p.uuid().ifPresent(u -> o.put("uuid", u.hex()));
            o.put("we_are_syncing", p.weAreSyncing());
            o.put("they_are_syncing", p.theyAreSyncing());
            o.put("error", ErrorCode.NONE.cName());
            o.put("inbound", p.inbound());
            o.put("welcomed", p.welcomed());
            o.put("listen_port", p.listenPort());
            o.put("conntime", Math.floorDiv(p.connectedMillis() + wallMinusMonotonic, MILLIS_PER_SECOND));
            o.put("requests_in_flight", p.requestsInFlight());
            o.put("request_window", p.requestWindow());
            o.put("score", p.score());
            o.put("moniker", p.moniker());
            p.roundTripMillis().ifPresent(ms -> o.put("roundtrip_ms", ms));
            o.put("bytes_in", p.traffic().bytesIn());
            o.put("bytes_out", p.traffic().bytesOut());
        }
        return out;
    }

    /**
     * C listed each wanted item; our request scheduler shows only how many there are, so this
     * gives the count and, per peer, the requests out to it.
     */
    private JsonNode todo() throws IOException {
        return node.call(() -> {
            PeerNetwork net = node.network();
            ObjectNode o = RpcJson.object();
            o.put("num_todos", net.outstandingRequests());
            ArrayNode forPeers = o.putArray("for_peers");
            for (PeerInfo p : net.peerInfo()) {
                forPeers.addObject()
                        .put("peer_num", p.peerNum())
                        .put("requests_in_flight", p.requestsInFlight())
                        .put("request_window", p.requestWindow());
            }
            return o;
        });
    }

    /** {@code netaddr_string}: IPv6 text (IPv4 as {@code ::ffff:a.b.c.d}), a colon, the port. */
    static String addressText(InetSocketAddress a) {
        if (a.isUnresolved()) {
            return a.getHostString() + ":" + a.getPort();
        }
        String ip = a.getAddress().getHostAddress();
        return (a.getAddress() instanceof Inet4Address ? V4_MAPPED + ip : ip) + ":" + a.getPort();
    }
}
