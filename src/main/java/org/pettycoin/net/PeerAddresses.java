package org.pettycoin.net;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.protocol.WelcomePacket;
import org.pettycoin.transport.CloseReason;
import org.pettycoin.transport.Connection;

/**
 * Where peers come from and what we learn about their addresses (C's peer.c fill_peers, seed_peers,
 * digest_peer_addrs): the protocol layer reports, the implementation keeps the peer cache and
 * decides whom to dial.
 */
public interface PeerAddresses {
    /** A peer completed the welcome. */
    void welcomed(Connection c, WelcomePacket welcome);

    void disconnected(Connection c, Optional<NodeUuid> uuid, CloseReason reason);

    void connectFailed(InetSocketAddress remote, String reason);

    /** We dialled ourselves. */
    void self(Connection c);

    /** Addresses to hand out in PEERS. */
    List<NetAddress> known();

    /** Addresses a peer handed us. */
    void learned(List<NetAddress> addresses);
}
