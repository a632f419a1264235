package org.pettycoin.transport;

/**
 * How many connections a {@link Transport} holds at once. C allows {@code MAX_PEERS} (64) peers in
 * all, inbound and outbound (peer.c {@code peer_connected}), and nothing more; we keep that total and
 * add two limits C lacks (docs/c-differences.md #51):
 * one address may hold only a few inbound connections, and inbound connections never take the last
 * {@link #outboundReserve} slots, so a flood of them cannot stop the node reaching out to peers of
 * its own choosing.
 *
 * @param maxPeers             connections in all, inbound, outbound and outbound still connecting
 * @param maxInboundPerAddress inbound connections from one IPv4 address or one IPv6 /64
 * @param loopbackUnlimited    loopback addresses are not held to {@code maxInboundPerAddress}
 *                             ({@code --developer-test}, where every node of a test network is on 127.0.0.1)
 */
public record PeerLimits(int maxPeers, int maxInboundPerAddress, boolean loopbackUnlimited) {
    /** C's {@code MAX_PEERS} (peer.h). */
    public static final int MAX_PEERS = 64;
    /** Ours: a host needs one connection to us; a few allow for NAT and restarts. */
    public static final int MAX_INBOUND_PER_ADDRESS = 8;
    /** The most {@code --max-peers} may ask for: far beyond what the protocol needs, within common fd limits. */
    public static final int MAX_MAX_PEERS = 1024;

    public PeerLimits {
        if (maxPeers < 1 || maxPeers > MAX_MAX_PEERS) {
            throw new IllegalArgumentException("maxPeers must be 1.." + MAX_MAX_PEERS + ", not " + maxPeers);
        }
        if (maxInboundPerAddress < 1) {
            throw new IllegalArgumentException("maxInboundPerAddress must be positive, not " + maxInboundPerAddress);
        }
    }

    public static PeerLimits defaults() {
        return new PeerLimits(MAX_PEERS, MAX_INBOUND_PER_ADDRESS, false);
    }

    public PeerLimits withMaxPeers(int n) {
        return new PeerLimits(n, maxInboundPerAddress, loopbackUnlimited);
    }

    public PeerLimits withLoopbackUnlimited(boolean on) {
        return new PeerLimits(maxPeers, maxInboundPerAddress, on);
    }

    /** Outbound connections a node keeps when it finds peers itself (C's peer.c MIN_PEERS). */
    public static final int MIN_OUTBOUND = 16;

    /**
     * Slots only our own dials may fill: as many as the dialer keeps when it finds peers itself
     * ({@link #MIN_OUTBOUND}), but never more than a quarter of the total.
     */
    public int outboundReserve() {
        return Math.min(MIN_OUTBOUND, maxPeers / 4);
    }

    /** Inbound connections at most: the total less the outbound reserve. */
    public int maxInbound() {
        return maxPeers - outboundReserve();
    }
}
