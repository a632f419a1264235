package org.pettycoin.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pettycoin.protocol.ByteReader;
import org.pettycoin.protocol.Framing;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.PacketType;
import org.pettycoin.protocol.PeersPacket;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.StructCodec;
import org.pettycoin.protocol.WelcomePacket;

/**
 * Asks one seed server for addresses, blocking: resolve its name (C's dns.c helper), connect to
 * each address it resolves to in turn until one answers (C retried a failed one forever,
 * docs/c-differences.md #50), read one packet and close (peer.c {@code read_seed_peers}). A PEERS packet gives its
 * addresses; like C, a packet of any other type whose body is whole 40-byte address records is read
 * as those. Unlike C, a seed that turns out to be a pettycoin node (it sends WELCOME) is itself the
 * address found, so any node can serve as a seed. Runs on the seeder's own thread, never the node
 * thread; every step is bounded by a timeout.
 */
final class SeedFetch {
    /** Resolved addresses tried at most, so a name with hundreds of records costs a bounded time. */
    static final int MAX_ADDRESSES_TRIED = 8;

    private SeedFetch() {}

    /**
     * @return the addresses the seed gave (possibly none)
     * @throws IOException if the name does not resolve or no address it resolves to answers with a packet
     */
    static List<NetAddress> ask(DnsSeed seed, Duration connectTimeout, Duration readTimeout, long nowSeconds)
            throws IOException {
        InetAddress[] resolved;
        try {
            resolved = InetAddress.getAllByName(seed.host());
        } catch (UnknownHostException e) {
            throw new IOException("cannot resolve " + seed.host(), e);
        }
        IOException last = new IOException(seed.host() + " resolves to no address");
        for (InetAddress a : Arrays.asList(resolved).subList(0, Math.min(resolved.length, MAX_ADDRESSES_TRIED))) {
            InetSocketAddress where = new InetSocketAddress(a, seed.port());
            try {
                return askOne(where, connectTimeout, readTimeout, nowSeconds);
            } catch (IOException e) {
                last = new IOException(where + ": " + e.getMessage(), e);
            }
        }
        throw last;
    }

    private static List<NetAddress> askOne(
            InetSocketAddress where, Duration connectTimeout, Duration readTimeout, long nowSeconds)
            throws IOException {
        try (Socket s = new Socket()) {
            s.connect(where, Math.toIntExact(connectTimeout.toMillis()));
            s.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            InputStream in = s.getInputStream();
            Optional<byte[]> frame = Framing.readFrame(in);
            if (frame.isEmpty()) {
                throw new IOException("closed without sending anything");
            }
            return addresses(frame.get(), where, nowSeconds);
        } catch (ProtocolException e) {
            throw new IOException("bad packet: " + e.getMessage(), e);
        }
    }

    /** What one seed packet says; {@code from} is where it came from. */
    static List<NetAddress> addresses(byte[] frame, InetSocketAddress from, long nowSeconds)
            throws ProtocolException, IOException {
        ByteReader header = new ByteReader(frame);
        header.u32();
        long type = header.u32();
        if (type == PacketType.PEERS.code() || type == PacketType.WELCOME.code()) {
            Packet p = PacketCodec.decode(frame);
            if (p instanceof WelcomePacket w) {
                return List.of(NetAddresses.of(from, w.uuid(), nowSeconds));
            }
            return ((PeersPacket) p).peers();
        }
        int body = frame.length - Protocol.PACKET_HEADER_LEN;
        if (body == 0 || body % NetAddress.LENGTH != 0) {
            throw new IOException(
                    "a packet of type " + type + " and " + frame.length + " bytes is no list of addresses");
        }
        ByteReader r = new ByteReader(frame, Protocol.PACKET_HEADER_LEN, body);
        List<NetAddress> out = new ArrayList<>(body / NetAddress.LENGTH);
        while (r.hasRemaining()) {
            out.add(StructCodec.decodeNetAddress(r));
        }
        return List.copyOf(out);
    }
}
