package org.pettycoin.net;

import java.util.ArrayList;
import java.util.List;
import org.pettycoin.chain.Network;

/**
 * A seed server: a name that resolves to hosts which, on connecting, send one packet of peer
 * addresses and close (C's {@code seed_peers} in peer.c; the file they serve is what C's
 * {@code tools/make-peer-packet} writes). The name is resolved when it is asked, not before.
 */
public record DnsSeed(String host, int port) {
    /** The C node's seed (peer.c {@code seed_peers}): for the test network, the only one C knows. */
    public static final DnsSeed C_SEED = new DnsSeed("peers.pettycoin.org", 9000);
    /** What {@code --dns-seed} takes to mean "ask no seed". */
    public static final String NONE = "none";

    public DnsSeed {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("a seed needs a host name");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("seed port must be 1..65535, not " + port);
        }
    }

    /**
     * The seeds a network uses unless told otherwise: C's on the test network; none on regtest, whose
     * nodes are always local and whose chain the test network's peers do not have.
     */
    public static List<DnsSeed> defaults(Network network) {
        return network == Network.TESTNET ? List.of(C_SEED) : List.of();
    }

    /** {@code HOST:PORT} ({@code [v6]:PORT} for an IPv6 literal). */
    public static DnsSeed parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("a seed is HOST:PORT or '" + NONE + "', not '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in seed '" + text + "'");
        }
        return new DnsSeed(host, port);
    }

    /** Every {@code --dns-seed} given; a lone {@code none} is the empty list, and none given are the defaults. */
    public static List<DnsSeed> parseAll(List<String> given, Network network) {
        if (given.isEmpty()) {
            return defaults(network);
        }
        if (given.contains(NONE)) {
            if (given.size() > 1) {
                throw new IllegalArgumentException("'" + NONE + "' turns the seeds off; it cannot go with others");
            }
            return List.of();
        }
        List<DnsSeed> out = new ArrayList<>();
        for (String g : given) {
            out.add(parse(g));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
