package org.pettycoin.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.NodeUuid;

/** Between Java socket addresses and {@code protocol_net_address} (IPv4 as ::ffff:a.b.c.d, as C's netaddr.c). */
public final class NetAddresses {
    private static final int V4_MAPPED_PREFIX = 10;

    private NetAddresses() {}

    public static NetAddress of(InetSocketAddress a, NodeUuid uuid, long time) {
        return new NetAddress(time, Bytes.of(sixteen(a.getAddress())), a.getPort(), 0, uuid);
    }

    public static InetSocketAddress toSocket(NetAddress a) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(a.addr().toByteArray()), a.port());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("16 bytes are always an address", e);
        }
    }

    private static byte[] sixteen(InetAddress ip) {
        if (ip instanceof Inet6Address) {
            return ip.getAddress();
        }
        byte[] out = new byte[16];
        out[V4_MAPPED_PREFIX] = (byte) 0xff;
        out[V4_MAPPED_PREFIX + 1] = (byte) 0xff;
        System.arraycopy(((Inet4Address) ip).getAddress(), 0, out, 12, 4);
        return out;
    }
}
