package org.pettycoin.net;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.protocol.WelcomePacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the node connected to the peers it was told to reach ({@code --connect}, or the
 * developer-test addresses): each is dialled once at start and again, with a back-off from 1 s
 * doubling to 30 s, whenever the connection ends or cannot be made. C dialled a failing address
 * again at once, forever (spec 03 §3.4); a node that lost its peers exited (§8 item 20). Addresses
 * learned from PEERS are kept (in memory) and handed out; those with our own uuid are dropped
 * (spec 03 §3.9). Node thread only.
 */
public final class Dialer implements PeerAddresses {
    private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);
    static final long FIRST_RETRY_MILLIS = 1000;
    static final long MAX_RETRY_MILLIS = 30_000;
    /** Most addresses kept from PEERS (the C cache has 4096 slots). */
    static final int MAX_LEARNED = 4096;

    private final Set<InetSocketAddress> targets = new LinkedHashSet<>();
    private final Map<InetSocketAddress, Long> backoff = new HashMap<>();
    private final Map<Connection, InetSocketAddress> outbound = new HashMap<>();
    private final Map<String, NetAddress> learned = new java.util.LinkedHashMap<>();
    private final NodeUuid self;
    private final ScheduledExecutorService nodeThread;
    private Consumer<InetSocketAddress> dial = a -> { };
    private boolean stopped;

    public Dialer(NodeUuid self, List<InetSocketAddress> targets, ScheduledExecutorService nodeThread) {
        this.self = self;
        this.targets.addAll(targets);
        this.nodeThread = nodeThread;
    }

    /** Starts dialling every target through {@code dial}. */
    public void start(Consumer<InetSocketAddress> dialer) {
        this.dial = dialer;
        targets.forEach(this::dialNow);
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

    private void retryLater(InetSocketAddress a) {
        if (stopped || !targets.contains(a)) {
            return;
        }
        long wait = backoff.merge(a, FIRST_RETRY_MILLIS, (old, one) -> Math.min(MAX_RETRY_MILLIS, old * 2));
        LOG.debug("dialling {} again in {} ms", a, wait);
        nodeThread.schedule(() -> dialNow(a), wait, TimeUnit.MILLISECONDS);
    }

    @Override
    public void welcomed(Connection c, WelcomePacket welcome) {
        if (c.direction() == Direction.OUTBOUND) {
            outbound.put(c, c.remoteAddress());
            backoff.remove(c.remoteAddress());
        }
    }

    @Override
    public void disconnected(Connection c, Optional<NodeUuid> uuid, CloseReason reason) {
        InetSocketAddress a = outbound.remove(c);
        if (c.direction() == Direction.OUTBOUND) {
            retryLater(a != null ? a : c.remoteAddress());
        }
    }

    @Override
    public void connectFailed(InetSocketAddress remote, String reason) {
        retryLater(remote);
    }

    @Override
    public void self(Connection c) {
        targets.remove(c.remoteAddress());
    }

    @Override
    public List<NetAddress> known() {
        return new ArrayList<>(learned.values());
    }

    @Override
    public void learned(List<NetAddress> addresses) {
        for (NetAddress a : addresses) {
            if (!a.uuid().equals(self) && learned.size() < MAX_LEARNED) {
                learned.put(a.addr().hex() + ":" + a.port(), a);
            }
        }
    }
}
