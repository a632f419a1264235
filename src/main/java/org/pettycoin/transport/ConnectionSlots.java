package org.pettycoin.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The transport's count of connections against its {@link PeerLimits}. A slot is taken before
 * anything is built for a connection and given back when its channel closes. The acceptor and every
 * I/O thread use it, hence the lock; each call is a few integer operations.
 */
final class ConnectionSlots {
    /** Whether a connection may have a slot. */
    enum Admission {
        ADMITTED,
        /** The total, or the inbound share of it, is used up. */
        TOO_MANY_PEERS,
        /** That address (IPv4, or IPv6 /64) already holds its share of inbound connections. */
        TOO_MANY_FROM_ADDRESS
    }

    /** IPv6 hosts get a /64 each, so one host is one /64 prefix. */
    private static final int IPV6_HOST_PREFIX_BYTES = 8;

    private final PeerLimits limits;
    private final Map<Object, Integer> inboundFrom = new HashMap<>();
    private int inbound;
    private int outbound;

    ConnectionSlots(PeerLimits limits) {
        this.limits = limits;
    }

    synchronized Admission admitInbound(InetAddress from) {
        if (inbound + outbound >= limits.maxPeers() || inbound >= limits.maxInbound()) {
            return Admission.TOO_MANY_PEERS;
        }
        Object key = key(from);
        int already = inboundFrom.getOrDefault(key, 0);
        if (already >= limits.maxInboundPerAddress() && !(limits.loopbackUnlimited() && from.isLoopbackAddress())) {
            return Admission.TOO_MANY_FROM_ADDRESS;
        }
        inboundFrom.put(key, already + 1);
        inbound++;
        return Admission.ADMITTED;
    }

    synchronized Admission admitOutbound() {
        if (inbound + outbound >= limits.maxPeers()) {
            return Admission.TOO_MANY_PEERS;
        }
        outbound++;
        return Admission.ADMITTED;
    }

    synchronized void releaseInbound(InetAddress from) {
        Object key = key(from);
        inboundFrom.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
        inbound--;
    }

    synchronized void releaseOutbound() {
        outbound--;
    }

    synchronized int inbound() {
        return inbound;
    }

    synchronized int outbound() {
        return outbound;
    }

    PeerLimits limits() {
        return limits;
    }

    private static Object key(InetAddress a) {
        if (a instanceof Inet6Address && !a.isLoopbackAddress()) {
            return new Prefix(
                    ByteBuffer.wrap(a.getAddress(), 0, IPV6_HOST_PREFIX_BYTES).getLong());
        }
        return a;
    }

    /** An IPv6 /64: its first eight bytes. */
    private record Prefix(long bits) {}
}
