package org.pettycoin.net;

/** Where the {@link Dialer} turns when the peer cache has nothing left to dial (C's {@code seed_peers}). */
public interface PeerSeeding {
    /** Seeds nothing: the dialer makes do with its cache. */
    PeerSeeding NONE = new PeerSeeding() {
        @Override
        public void outOfAddresses() {}

        @Override
        public void welcomed() {}
    };

    /** The dialer has fewer outbound peers than it wants and no address left to dial. */
    void outOfAddresses();

    /** A peer completed the welcome: the node has found the network at least once. */
    void welcomed();
}
