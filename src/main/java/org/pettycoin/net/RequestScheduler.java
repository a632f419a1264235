package org.pettycoin.net;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who we ask for what (C's todo.c, without its costs: docs/c-differences.md #35): every wanted item
 * is asked of one peer at a time; each peer has a window of requests in flight that grows while it
 * answers and halves when it times out (tens at least, never below {@link Config#minWindow}); a
 * request that times out or that a peer cannot answer goes to another peer; a peer that leaves gives
 * its requests back. Every path that ends a request frees its slot. Each peer's answers also give
 * its smoothed round-trip time, for the operator. Node thread only.
 *
 * @param <P> how peers are named
 */
public final class RequestScheduler<P> {
    /** Tunables. */
    public record Config(
            int initialWindow,
            int minWindow,
            int maxWindow,
            long timeoutMillis,
            int maxWanted,
            long retryAfterMillis,
            int maxRefusals) {
        /**
         * 32 in flight at first (the C node had 4 and one block per round trip), up to 512; a request
         * unanswered for 10 s goes elsewhere; at most 200,000 wanted items (about 40 MiB of keys). A
         * peer that said it lacks something is asked again after 2 s (it may have got it since:
         * contents spread a hop at a time); after 10 such answers the item is given up.
         */
        public static final Config DEFAULT = new Config(32, 4, 512, 10_000, 200_000, 2_000, 10);
    }

    /** A request in flight: to whom, since when. */
    private record InFlight(Object peer, long sentMillis) {}

    /** What each peer has in flight, how much it may have, and how fast it answers. */
    private static final class PeerSlots {
        final Set<Request> inFlight = new LinkedHashSet<>();
        int window;
        /** Smoothed round-trip time, ms; negative until its first answer. */
        double srttMillis = -1;

        PeerSlots(int window) {
            this.window = window;
        }

        /**
         * TCP's smoothing (RFC 6298 section 2): the first sample sets it, each later one moves it an
         * eighth of the way. Kept as a double so that small samples are not rounded away.
         */
        void answered(long sentMillis, long nowMillis) {
            long sample = Math.max(0, nowMillis - sentMillis); // the clock is monotonic; never negative anyway
            srttMillis = srttMillis < 0 ? sample : srttMillis * 7 / 8 + sample / 8.0;
        }
    }

    private final Config config;
    /** Wanted and not in flight, oldest first within each kind. */
    private final Map<Request.Kind, LinkedHashSet<Request>> waiting = new EnumMap<>(Request.Kind.class);

    private final Map<Request, InFlight> inFlight = new HashMap<>();
    /** Peers that said they cannot answer a request, and when: not asked again for a while. */
    private final Map<Request, Map<Object, Long>> refusedBy = new HashMap<>();

    private final Map<Request, Integer> refusals = new HashMap<>();
    private final Map<P, PeerSlots> peers = new HashMap<>();
    private long timeouts;

    public RequestScheduler(Config config) {
        this.config = config;
        for (Request.Kind k : Request.Kind.values()) {
            waiting.put(k, new LinkedHashSet<>());
        }
    }

    /** Wants {@code r}, unless it is already wanted; false if dropped because too much is wanted. */
    public boolean want(Request r) {
        if (inFlight.containsKey(r) || waiting.get(r.kind()).contains(r)) {
            return true;
        }
        if (size() >= config.maxWanted()) {
            return false;
        }
        waiting.get(r.kind()).add(r);
        return true;
    }

    public boolean wanted(Request r) {
        return inFlight.containsKey(r) || waiting.get(r.kind()).contains(r);
    }

    /** Wanted items, in flight or waiting. */
    public int size() {
        int n = inFlight.size();
        for (LinkedHashSet<Request> w : waiting.values()) {
            n += w.size();
        }
        return n;
    }

    public int inFlightCount() {
        return inFlight.size();
    }

    public int inFlightTo(P peer) {
        PeerSlots s = peers.get(peer);
        return s == null ? 0 : s.inFlight.size();
    }

    public int window(P peer) {
        PeerSlots s = peers.get(peer);
        return s == null ? config.initialWindow() : s.window;
    }

    /**
     * {@code peer}'s smoothed round-trip time, ms: from sending a request to its answer from that
     * same peer (what it sent or that it cannot answer), smoothed as TCP smooths it. Empty until
     * it has answered once, and once it has left.
     */
    public OptionalLong roundTripMillis(P peer) {
        PeerSlots s = peers.get(peer);
        return s == null || s.srttMillis < 0 ? OptionalLong.empty() : OptionalLong.of(Math.round(s.srttMillis));
    }

    /** Requests that timed out so far. */
    public long timeouts() {
        return timeouts;
    }

    public void peerJoined(P peer) {
        peers.putIfAbsent(peer, new PeerSlots(config.initialWindow()));
    }

    /** The peer left: what it had in flight is wanted again, from others. */
    public void peerLeft(P peer) {
        PeerSlots s = peers.remove(peer);
        if (s != null) {
            for (Request r : s.inFlight) {
                inFlight.remove(r);
                waiting.get(r.kind()).add(r);
            }
        }
        for (Map<Object, Long> refusers : refusedBy.values()) {
            refusers.remove(peer);
        }
    }

    /**
     * Arrived (from anyone, asked or not): no longer wanted. The peer that had it in flight gets its
     * slot back and, if it was the one that answered, a larger window and a round-trip sample.
     */
    public void done(Request r, Optional<P> from, long nowMillis) {
        waiting.get(r.kind()).remove(r);
        refusedBy.remove(r);
        refusals.remove(r);
        InFlight f = inFlight.remove(r);
        if (f != null) {
            PeerSlots s = peers.get(f.peer());
            if (s != null) {
                s.inFlight.remove(r);
                if (from.isPresent() && from.get().equals(f.peer())) {
                    s.window = Math.min(config.maxWindow(), s.window + 1);
                    s.answered(f.sentMillis(), nowMillis);
                }
            }
        }
    }

    /**
     * {@code peer} cannot answer {@code r} (yet): the slot is freed and someone else is asked; the
     * same peer only after {@link Config#retryAfterMillis}. After {@link Config#maxRefusals} such
     * answers nobody is believed to have it and it is no longer wanted (whatever needs it will want
     * it again), rather than kept forever as C kept it. It is an answer all the same: a round-trip
     * sample.
     */
    public void failed(Request r, P peer, long nowMillis) {
        InFlight f = inFlight.get(r);
        if (f == null || !f.peer().equals(peer)) {
            return;
        }
        inFlight.remove(r);
        PeerSlots s = peers.get(peer);
        if (s != null) {
            s.inFlight.remove(r);
            s.answered(f.sentMillis(), nowMillis);
        }
        if (refusals.merge(r, 1, Integer::sum) >= config.maxRefusals()) {
            refusals.remove(r);
            refusedBy.remove(r);
            return;
        }
        refusedBy.computeIfAbsent(r, k -> new HashMap<>()).put(peer, nowMillis);
        waiting.get(r.kind()).add(r);
    }

    /** No longer wanted, whoever had it (e.g. its block was proven invalid). */
    public void forget(Predicate<Request> which) {
        for (LinkedHashSet<Request> w : waiting.values()) {
            w.removeIf(which);
        }
        for (Request r : new ArrayList<>(inFlight.keySet())) {
            if (which.test(r)) {
                InFlight f = inFlight.remove(r);
                PeerSlots s = peers.get(f.peer());
                if (s != null) {
                    s.inFlight.remove(r);
                }
            }
        }
        refusedBy.keySet().removeIf(which);
        refusals.keySet().removeIf(which);
    }

    /**
     * Requests to send to {@code peer} now: the oldest of the most urgent kind it has not refused,
     * until its window is full. Requests every peer refused stay wanted for peers yet to come.
     */
    public List<Request> nextFor(P peer, long nowMillis) {
        PeerSlots s = peers.get(peer);
        List<Request> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        for (Request.Kind k : Request.Kind.values()) {
            Iterator<Request> it = waiting.get(k).iterator();
            while (s.inFlight.size() < s.window && it.hasNext()) {
                Request r = it.next();
                Map<Object, Long> refusers = refusedBy.get(r);
                Long refusedAt = refusers == null ? null : refusers.get(peer);
                if (refusedAt != null && nowMillis - refusedAt < config.retryAfterMillis()) {
                    continue; // it told us lately it does not have it
                }
                it.remove();
                inFlight.put(r, new InFlight(peer, nowMillis));
                s.inFlight.add(r);
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Requests unanswered for the timeout go back to waiting, for another peer; each such peer's
     * window halves. Returns the peers that timed out (some may deserve a penalty).
     */
    public Set<P> expire(long nowMillis) {
        Set<P> slow = new HashSet<>();
        for (Map.Entry<P, PeerSlots> e : peers.entrySet()) {
            PeerSlots s = e.getValue();
            boolean timedOut = false;
            for (Iterator<Request> it = s.inFlight.iterator(); it.hasNext(); ) {
                Request r = it.next();
                if (nowMillis - inFlight.get(r).sentMillis() >= config.timeoutMillis()) {
                    // A slow answer is not a refusal: anyone, this peer included, may be asked again.
                    it.remove();
                    inFlight.remove(r);
                    waiting.get(r.kind()).add(r);
                    timeouts++;
                    timedOut = true;
                }
            }
            if (timedOut) {
                s.window = Math.max(config.minWindow(), s.window / 2);
                slow.add(e.getKey());
            }
        }
        return slow;
    }
}
