package org.pettycoin.protocol;

/**
 * {@code protocol_net_address} (40 bytes, C's protocol_net.h): last-seen time, IPv6 address in network
 * order (IPv4 mapped as ::ffff:a.b.c.d), port as <em>little-endian</em> le16, unused le16, node uuid.
 */
public record NetAddress(long time, Bytes addr, int port, int unused, NodeUuid uuid) {
    public static final int LENGTH = 40;
    public static final int ADDR_LENGTH = 16;

    public NetAddress {
        Unsigned.requireU32(time, "time");
        if (addr.size() != ADDR_LENGTH) {
            throw new IllegalArgumentException("address must be 16 bytes, got " + addr.size());
        }
        Unsigned.requireU16(port, "port");
        Unsigned.requireU16(unused, "unused");
    }
}
