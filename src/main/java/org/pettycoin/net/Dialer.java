package org.pettycoin.net;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.pettycoin.chainstate.NodeThread;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.protocol.WelcomePacket;
import org.pettycoin.store.PeerCache;
import org.pettycoin.transport.CloseReason;
import org.pettycoin.transport.Connection;
import org.pettycoin.transport.Direction;
import org.pettycoin.transport.PeerLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the node connected (C's peer.c fill_peers, seed_peers). Peers it was told to reach
 * ({@code --connect}) are dialled at start and again, with a back-off from 1 s doubling to 30 s,
 * whenever the connection ends or cannot be made; C dialled a failing address again at once,
 * forever, and a node that lost its peers exited (docs/c-differences.md #39). Without
 * {@code --connect}, outbound connections are topped up to {@link #MIN_PEERS} from the peer cache,
 * never two to one address (C's fill_peers could: #40). Addresses learned from PEERS go into the
 * cache (or, without one, a bounded memory list); those with our own uuid are dropped (#41). Node
 * thread only.
 */
public final class Dialer implements PeerAddresses {
    private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);
    static final long FIRST_RETRY_MILLIS = 1000;
    static final long MAX_RETRY_MILLIS = 30_000;
    /** Most addresses kept from PEERS (the C cache has 4096 slots). */
    static final int MAX_LEARNED = 4096;
    /** Outbound connections the node keeps when it finds peers itself (C's peer.c MIN_PEERS). */
    public static final int MIN_PEERS = PeerLimits.MIN_OUTBOUND;

    private final Set<InetSocketAddress> targets = new LinkedHashSet<>();
    private final Map<InetSocketAddress, Long> backoff = new HashMap<>();
    private final Map<Connection, InetSocketAddress> outbound = new HashMap<>();
    private final Map<String, NetAddress> learned = new java.util.LinkedHashMap<>();
    private final NodeUuid self;
    private final NodeThread nodeThread;
    private final Optional<PeerCache> cache;
    private final boolean refill;
    private final LongSupplier nowSeconds;
    /** Cache addresses being dialled or connected, so none is dialled twice. */
    private final Set<InetSocketAddress> fromCache = new HashSet<>();
    /** The node behind every welcomed connection, either way: a cache entry naming one is not dialled. */
    private final Map<Connection, NodeUuid> connected = new HashMap<>();

    private long cacheDials;

    private Consumer<InetSocketAddress> dial = a -> {};
    private PeerSeeding seeding = PeerSeeding.NONE;
    private boolean stopped;

    /**
     * @param cache the peer cache; with no {@code targets}, outbound peers are found there
     * @param nowSeconds the node clock's wall time, Unix seconds (when we last saw a peer)
     */
    public Dialer(
            NodeUuid self,
            List<InetSocketAddress> targets,
            NodeThread nodeThread,
            Optional<PeerCache> cache,
            LongSupplier nowSeconds) {
        this.self = self;
        this.targets.addAll(targets);
        this.nodeThread = nodeThread;
        this.cache = cache;
        this.refill = targets.isEmpty();
        this.nowSeconds = nowSeconds;
    }

    /** Starts dialling every target through {@code dial}, or tops up from the cache. */
    public void start(Consumer<InetSocketAddress> dialer) {
        this.dial = dialer;
        targets.forEach(this::dialNow);
        fillFromCache();
    }

    /** Where to turn when the cache has nothing left to dial (C's {@code seed_peers}). */
    public void seedWith(PeerSeeding s) {
        this.seeding = s;
    }

    /** Cache addresses being dialled or connected to. */
    public int dialled() {
        return fromCache.size();
    }

    /** Cache addresses dialled since start. */
    public long cacheDials() {
        return cacheDials;
    }

    /**
     * {@code fill_peers}: dial cache entries not yet dialled until {@link #MIN_PEERS} outbound
     * connections exist or are being made; short of that with the cache used up, seed. An entry for
     * a node already connected, in either direction, is skipped, as C's fill_peers skips it
     * (peer_already): dialled, it would be closed as a duplicate and dialled again a second later.
     */
    public void fillFromCache() {
        if (stopped || !refill || cache.isEmpty()) {
            return;
        }
        for (NetAddress a : cache.get().addresses()) {
            if (fromCache.size() >= MIN_PEERS) {
                return;
            }
            InetSocketAddress s = NetAddresses.toSocket(a);
            if (!a.uuid().equals(self) && !connected.containsValue(a.uuid()) && fromCache.add(s)) {
                cacheDials++;
                dialNow(s);
            }
        }
        seeding.outOfAddresses();
    }

    public void stop() {
        stopped = true;
    }

    /** Adds a target at run time (and dials it). */
    public void add(InetSocketAddress target) {
        if (targets.add(target)) {
            dialNow(target);
        }
    }

    private void dialNow(InetSocketAddress a) {
        if (!stopped) {
            dial.accept(a);
        }
    }

    // The retries' timers are never cancelled: each looks at stopped when it fires.
    private void retryLater(InetSocketAddress a) {
        if (fromCache.remove(a)) {
            // A cache address that failed is forgotten, as in C, and another is tried.
            cache.ifPresent(c -> c.delete(NetAddresses.of(a, NodeUuid.of(new byte[NodeUuid.LENGTH]), 0), true));
            nodeThread.schedule(this::fillFromCache, FIRST_RETRY_MILLIS);
            return;
        }
        if (stopped || !targets.contains(a)) {
            return;
        }
        long wait = backoff.merge(a, FIRST_RETRY_MILLIS, (old, one) -> Math.min(MAX_RETRY_MILLIS, old * 2));
        LOG.debug("dialling {} again in {} ms", a, wait);
        nodeThread.schedule(() -> dialNow(a), wait);
    }

    @Override
    public void welcomed(Connection c, WelcomePacket welcome) {
        seeding.welcomed();
        connected.put(c, welcome.uuid());
        if (c.direction() == Direction.OUTBOUND) {
            outbound.put(c, c.remoteAddress());
            backoff.remove(c.remoteAddress());
        }
        // Direct contact: the address it listens on, with its uuid and a fresh time (peer_cache_refresh).
        InetSocketAddress listening = new InetSocketAddress(c.remoteAddress().getAddress(), welcome.listenPort());
        if (welcome.listenPort() != 0) {
            cache.ifPresent(k -> k.refresh(NetAddresses.of(listening, welcome.uuid(), nowSeconds.getAsLong())));
        }
    }

    @Override
    public void disconnected(Connection c, Optional<NodeUuid> uuid, CloseReason reason) {
        connected.remove(c);
        InetSocketAddress a = outbound.remove(c);
        if (c.direction() != Direction.OUTBOUND) {
            return;
        }
        InetSocketAddress where = a != null ? a : c.remoteAddress();
        if (fromCache.remove(where)) {
            nodeThread.schedule(this::fillFromCache, FIRST_RETRY_MILLIS);
        } else {
            retryLater(where);
        }
    }

    @Override
    public void connectFailed(InetSocketAddress remote, String reason) {
        retryLater(remote);
    }

    @Override
    public void self(Connection c) {
        targets.remove(c.remoteAddress());
        cache.ifPresent(k -> k.delete(NetAddresses.of(c.remoteAddress(), self, 0), true));
    }

    @Override
    public List<NetAddress> known() {
        return cache.map(PeerCache::addresses).orElseGet(() -> new ArrayList<>(learned.values()));
    }

    @Override
    public void learned(List<NetAddress> addresses) {
        for (NetAddress a : addresses) {
            if (a.uuid().equals(self)) {
                continue;
            }
            if (cache.isPresent()) {
                cache.get().add(a);
            } else if (learned.size() < MAX_LEARNED) {
                learned.put(a.addr().hex() + ":" + a.port(), a);
            }
        }
        fillFromCache();
    }
}
