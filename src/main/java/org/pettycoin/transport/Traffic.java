package org.pettycoin.transport;

/**
 * Bytes read from and written to peers, frames included: since the transport started (its totals)
 * or since one connection opened ({@link Connection#traffic}).
 */
public record Traffic(long bytesIn, long bytesOut) {
    public static final Traffic NONE = new Traffic(0, 0);
}
