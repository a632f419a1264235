package org.pettycoin.transport;

/** Who opened a connection: the C node treats both the same once welcomed, but counts them apart. */
public enum Direction {
    /** The peer dialled our listener. */
    INBOUND,
    /** We dialled the peer. */
    OUTBOUND
}
