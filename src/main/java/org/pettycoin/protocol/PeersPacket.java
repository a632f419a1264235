package org.pettycoin.protocol;

import java.util.List;

/**
 * PKT_PEERS (20): net addresses from the sender's peer cache. May be empty: C sends an empty one
 * when its cache is empty (and, a bug, rejects one itself), so we accept it (docs/c-differences.md #29).
 */
public record PeersPacket(List<NetAddress> peers) implements Packet {
    public PeersPacket {
        peers = List.copyOf(peers);
    }

    @Override
    public PacketType type() {
        return PacketType.PEERS;
    }
}
