package org.pettycoin.net;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.chainstate.ChainEvent;
import org.pettycoin.chainstate.ChainInput;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.EventSink;
import org.pettycoin.chainstate.NodeThread;
import org.pettycoin.chainstate.Origin;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.BlockUnknownPacket;
import org.pettycoin.protocol.ChildrenPacket;
import org.pettycoin.protocol.ChildrenUnknownPacket;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.EncodedPacket;
import org.pettycoin.protocol.ErrPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.GetBlockPacket;
import org.pettycoin.protocol.GetChildrenPacket;
import org.pettycoin.protocol.GetPeersPacket;
import org.pettycoin.protocol.GetShardPacket;
import org.pettycoin.protocol.GetTxInBlockPacket;
import org.pettycoin.protocol.GetTxMapPacket;
import org.pettycoin.protocol.GetTxPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.HashesInBlockPacket;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PeersPacket;
import org.pettycoin.protocol.PiggybackPacket;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.SetFilterPacket;
import org.pettycoin.protocol.ShardErrorPacket;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxBadAmountPacket;
import org.pettycoin.protocol.TxBadInputPacket;
import org.pettycoin.protocol.TxDoublespendPacket;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.TxInBlockUnknownPacket;
import org.pettycoin.protocol.TxMapPacket;
import org.pettycoin.protocol.TxPacket;
import org.pettycoin.protocol.TxUnknownPacket;
import org.pettycoin.protocol.WelcomePacket;
import org.pettycoin.time.Progress;
import org.pettycoin.transport.CloseReason;
import org.pettycoin.transport.Connection;
import org.pettycoin.transport.ConnectionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer protocol on the node thread (C's peer.c, sync.c, recv_*.c): the welcome exchange and its
 * checks, sync from each peer's welcome block back to known ground, contents for every block within
 * the horizon, answers to every request, propagation of blocks, txs and complaints, and what a
 * misbehaving peer costs. Wanted items go through the {@link RequestScheduler}: one peer at a
 * time, many in flight. Every method runs on the node thread (the transport's event executor).
 */
public final class PeerNetwork implements ConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(PeerNetwork.class);
    /** SET_FILTER's offset may be at most this (FILTER_INVALID, C's peer.c recv_set_filter). */
    private static final long MAX_FILTER_OFFSET = 19;

    /** Tunables. */
    public record Config(
            NodeUuid uuid, int listenPort, RequestScheduler.Config requests, long syncStallMillis, int maxScore) {
        /** A peer whose welcome block gets no nearer for 2 minutes while syncing is dropped. */
        public static final long SYNC_STALL_MILLIS = 120_000;
        /** Timed-out batches before a peer is dropped. */
        public static final int MAX_SCORE = 20;

        public static Config defaults(NodeUuid uuid, int listenPort) {
            return new Config(uuid, listenPort, RequestScheduler.Config.DEFAULT, SYNC_STALL_MILLIS, MAX_SCORE);
        }
    }

    private final ChainState state;
    private final Config config;
    private final LongSupplier nowMillis;
    private final DescendantsHash hashes = new DescendantsHash();
    private final Server server;
    private final BlockSync sync;
    private final RequestScheduler<Peer> requests;
    private final Map<Connection, Peer> peers = new LinkedHashMap<>();
    private final Handshake handshake;
    private final PeerFaults faults;
    private final ContentTraffic contents;
    private final SyncProgress syncProgress;
    private final PeerAddresses addresses;

    private final NodeThread nodeThread;

    private int listenPort;
    private BlockNode lastAnnouncedHead;
    private long lastPeerRefreshMillis;

    /** @param nodeThread the one thread allowed in: every public method checks it (docs/architecture.md) */
    public PeerNetwork(
            NodeThread nodeThread,
            ChainInput input,
            Config config,
            PeerAddresses addresses,
            LongSupplier nowSeconds,
            LongSupplier nowMillis) {
        this.nodeThread = nodeThread;
        this.state = input.chain();
        this.config = config;
        this.addresses = addresses;
        this.nowMillis = nowMillis;
        this.server = new Server(state, hashes);
        this.handshake = new Handshake(config.uuid(), state.interests(), nowMillis);
        this.faults = new PeerFaults(handshake, config.maxScore());
        this.requests = new RequestScheduler<>(config.requests());
        this.contents = new ContentTraffic(input, requests, faults, peers::values, nowMillis);
        this.syncProgress = new SyncProgress(() -> nowMillis.getAsLong() * 1_000_000L, Progress.EVERY_NANOS, LOG::info);
        this.sync = new BlockSync(input, requests, hashes, nowSeconds, nowMillis, this::relayNewBlock, faults);
        this.listenPort = config.listenPort();
        this.lastAnnouncedHead = state.miningHead();
        this.lastPeerRefreshMillis = nowMillis.getAsLong();
    }

    /** The port we tell peers we listen on (known once the listener is bound). */
    public void listeningOn(int port) {
        nodeThread.checkOnNodeThread();
        this.listenPort = port;
    }

    /**
     * What this layer does with the chain state's events, which {@link org.pettycoin.chainstate.NodeLoop}
     * hands it after the journal: stale descendant hashes forgotten, requests about blocks now
     * invalid dropped, and each new complaint told ({@link #tellComplaint}).
     */
    public EventSink events() {
        return events -> {
            for (ChainEvent e : events) {
                if (e instanceof ChainEvent.BlockAttached a) {
                    hashes.attached(a.block());
                } else if (e instanceof ChainEvent.BlockInvalidated i) {
                    requests.forget(r -> r.kind() != Request.Kind.TX
                            && state.tree().find(r.id()).map(BlockNode::invalid).orElse(false));
                    tellComplaint(i);
                }
            }
        };
    }

    /**
     * A complaint just applied goes to every peer that can take it ({@link ComplaintAudience}). One we
     * raised from a peer's data goes to that peer too: it holds or relayed the bad block and has not
     * heard why it is bad. One a peer sent us goes to everyone else (C's complain.c publish_complaint);
     * a complaint about a block that had one already never becomes an event, so none is relayed twice.
     */
    private void tellComplaint(ChainEvent.BlockInvalidated i) {
        Optional<Peer> except = switch (i.provenance()) {
            case RAISED_HERE -> Optional.empty();
            case RECEIVED -> peerOf(i.origin());
        };
        EncodedPacket frame = EncodedPacket.of(i.complaint());
        for (Peer q : peers.values()) {
            if (q.welcomed()
                    && except.map(e -> e != q).orElse(true)
                    && q.audience().accepts(i.complaint())) {
                q.connection.send(frame);
            }
        }
    }

    /** The peer an input came from, if it came from one still connected. */
    private Optional<Peer> peerOf(Origin origin) {
        if (origin instanceof Origin.Peer o) {
            for (Peer p : peers.values()) {
                if (p.connection.id() == o.connection()) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ connection events

    @Override
    public void connected(Connection c) {
        nodeThread.checkOnNodeThread();
        Peer p = new Peer(c, nowMillis.getAsLong());
        peers.put(c, p);
        requests.peerJoined(p);
        LOG.info("{}: connected ({})", p, c.direction());
        c.send(handshake.ours(c, state.miningHead(), listenPort));
    }

    @Override
    public void packet(Connection c, Packet packet) {
        handle(c, packet instanceof BlockPacket b ? ReceivedBlock.of(b.block()) : packet);
    }

    /** A BLOCK as the transport decoded it: its frame is what the journal writes and other peers get. */
    @Override
    public void block(Connection c, ReceivedBlock block) {
        handle(c, block);
    }

    /** One packet, or one block (a {@link ReceivedBlock}), from a connection. */
    private void handle(Connection c, Object received) {
        nodeThread.checkOnNodeThread();
        Peer p = peers.get(c);
        if (p == null || !c.isOpen()) {
            return;
        }
        try {
            if (received instanceof ReceivedBlock block) {
                if (!p.welcomed()) {
                    onWelcome(p, new BlockPacket(block.block()));
                } else {
                    onBlock(p, block);
                }
            } else if (!p.welcomed()) {
                onWelcome(p, (Packet) received);
            } else {
                dispatch(p, (Packet) received);
            }
        } catch (ProtocolException e) {
            faults.punish(p, Misbehaviour.of(e.code()), Optional.of(e.code()), e.getMessage());
        }
        afterEvent();
    }

    private void onBlock(Peer p, ReceivedBlock block) throws ProtocolException {
        requests.done(Request.block(block.id()), Optional.of(p), nowMillis.getAsLong());
        sync.acceptBlock(p, block, p.weAreSyncing);
    }

    @Override
    public void malformed(Connection c, ProtocolException error) {
        nodeThread.checkOnNodeThread();
        Peer p = peers.get(c);
        if (p != null) {
            faults.punish(p, Misbehaviour.MALFORMED_PACKET, Optional.of(error.code()), error.getMessage());
        }
    }

    @Override
    public void outputIdle(Connection c) {
        nodeThread.checkOnNodeThread();
        Peer p = peers.get(c);
        if (p != null && p.welcomed()) {
            // C's keepalive, which doubles as "anything after my best block?" (peer.c keepalive_pkt).
            c.send(new GetChildrenPacket(state.miningHead().id()));
        }
    }

    @Override
    public void closed(Connection c, CloseReason reason) {
        nodeThread.checkOnNodeThread();
        Peer p = peers.remove(c);
        if (p != null) {
            requests.peerLeft(p);
            LOG.info("{}: disconnected ({})", p, reason);
            addresses.disconnected(c, p.uuid(), reason);
            afterEvent();
        }
    }

    @Override
    public void connectFailed(InetSocketAddress remote, String reason) {
        nodeThread.checkOnNodeThread();
        LOG.info("connect to {} failed: {}", remote, reason);
        addresses.connectFailed(remote, reason);
    }

    /**
     * Periodic work: request timeouts, stalled syncs, our best block announced if it moved, and
     * whatever that frees up to send.
     */
    public void tick() {
        nodeThread.checkOnNodeThread();
        long now = nowMillis.getAsLong();
        announceHeadIfMoved();
        if (now - lastPeerRefreshMillis >= PEER_REFRESH_MILLIS) {
            // C's peer.c refresh_peer_cache: ask everyone for addresses again.
            lastPeerRefreshMillis = now;
            broadcast(new GetPeersPacket(), Optional.empty());
        }
        for (Peer slow : requests.expire(now)) {
            faults.punish(slow, Misbehaviour.UNANSWERED_REQUEST, "a request timed out");
        }
        for (Peer p : List.copyOf(peers.values())) {
            if (p.welcomed() && p.weAreSyncing && now - p.lastProgressMillis > config.syncStallMillis()) {
                faults.punish(
                        p,
                        Misbehaviour.SYNC_STALLED,
                        "its best block came no nearer for " + config.syncStallMillis() / 1000 + " s");
            }
        }
        syncProgress.tick(
                peers.values().stream()
                        .filter(p -> p.welcomed() && p.weAreSyncing)
                        .mapToLong(Peer::welcomeHeight)
                        .max(),
                state.tree().topHeight(),
                state.tree().size());
        afterEvent();
    }

    // ------------------------------------------------------------------ what we offer the node

    /** Where the sync from our peers stands, while one runs (figures as of the last tick). */
    public Optional<SyncStatus> syncStatus() {
        nodeThread.checkOnNodeThread();
        return syncProgress.status();
    }

    /**
     * C relays only blocks it gets after syncing, so a peer of ours that synced before we did learns
     * the blocks we synced one per keepalive (docs/c-differences.md #38). Whenever our best block has moved
     * by other means, we send it to every peer, at most once a tick: a peer missing its ancestors
     * fetches them like any detached block.
     */
    private void announceHeadIfMoved() {
        BlockNode head = state.miningHead();
        if (head != lastAnnouncedHead) {
            lastAnnouncedHead = head;
            broadcast(new BlockPacket(head.block()), Optional.empty());
        }
    }

    /** A block of ours (mined, or submitted by a user): to every peer (C's peer.c send_block_to_peers). */
    public void announce(BlockNode block) {
        nodeThread.checkOnNodeThread();
        if (block == state.miningHead()) {
            lastAnnouncedHead = block;
        }
        broadcast(new BlockPacket(block.block()), Optional.empty());
        sync.askShards(block);
        afterEvent();
    }

    /**
     * At start-up: the contents the blockfile could not give back (the hashes of every shard, the
     * txs of other shards paying into ours), wanted from whoever connects (C's get_unknown_contents).
     */
    public void wantUnknownContents() {
        nodeThread.checkOnNodeThread();
        sync.askUnknownContents();
        afterEvent();
    }

    /** A tx of ours that the pool kept: to every peer that has finished syncing with us. */
    public void announce(Tx tx) {
        nodeThread.checkOnNodeThread();
        contents.relay(tx, Optional.empty());
        afterEvent();
    }

    public int peerCount() {
        nodeThread.checkOnNodeThread();
        return (int) peers.values().stream().filter(Peer::welcomed).count();
    }

    /** Wanted items not yet arrived (0 once everything asked for has come). */
    public int outstandingRequests() {
        nodeThread.checkOnNodeThread();
        return requests.size();
    }

    /** Peers we are still syncing from. */
    public int syncingPeers() {
        nodeThread.checkOnNodeThread();
        return (int) peers.values().stream()
                .filter(p -> p.welcomed() && p.weAreSyncing)
                .count();
    }

    // ------------------------------------------------------------------ welcome

    /** C's {@code welcome_received} (peer.c), once {@link Handshake#check} has passed it. */
    private void onWelcome(Peer p, Packet packet) throws ProtocolException {
        Optional<Handshake.Refusal> refusal = handshake.check(packet, p, peers.values());
        if (refusal.isPresent()) {
            if (refusal.get().fault() == Misbehaviour.SELF_DIAL) {
                addresses.self(p.connection);
            }
            faults.punish(p, refusal.get().fault(), refusal.get().detail());
            return;
        }
        WelcomePacket w = (WelcomePacket) packet;
        p.welcomed(w);
        LOG.info(
                "{}: welcome from '{}', listen port {}, best block {}",
                p,
                w.monikerPrintable(),
                w.listenPort(),
                p.welcomeBlock.map(Hash256::hex).orElse("genesis"));
        addresses.welcomed(p.connection, w);
        p.connection.send(new GetPeersPacket());
        lastPeerRefreshMillis = nowMillis.getAsLong(); // re-armed at each welcome, as in C
        if (w.bestBlock().isPresent()) {
            sync.acceptBlock(p, ReceivedBlock.of(w.bestBlock().get()), true);
        }
    }

    // ------------------------------------------------------------------ dispatch

    private void dispatch(Peer p, Packet packet) throws ProtocolException {
        if (packet instanceof BlockPacket b) {
            onBlock(p, ReceivedBlock.of(b.block()));
        } else if (packet instanceof BlockUnknownPacket u) {
            requests.failed(Request.block(u.block()), p, nowMillis.getAsLong());
        } else if (packet instanceof GetBlockPacket g) {
            p.connection.send(server.block(g.block()));
        } else if (packet instanceof GetChildrenPacket g) {
            p.connection.send(server.children(g.block()));
        } else if (packet instanceof ChildrenPacket c) {
            sync.onChildren(p, c);
        } else if (packet instanceof ChildrenUnknownPacket u) {
            requests.failed(Request.children(u.block()), p, nowMillis.getAsLong());
        } else if (packet instanceof GetShardPacket g) {
            p.send(server.shard(g)); // for an invalid block its complaint, if the peer can take it
        } else if (packet instanceof ShardPacket s) {
            contents.shard(p, s);
        } else if (packet instanceof ShardErrorPacket e) {
            sync.onShardError(p, e);
        } else if (packet instanceof GetTxInBlockPacket g) {
            p.connection.send(server.txInBlock(g.position()));
        } else if (packet instanceof TxInBlockPacket t) {
            contents.txInBlock(p, t);
        } else if (packet instanceof TxInBlockUnknownPacket u) {
            requests.failed(Request.txInBlock(u.position()), p, nowMillis.getAsLong());
        } else if (packet instanceof GetTxPacket g) {
            p.connection.send(server.tx(g.txid()));
        } else if (packet instanceof TxPacket t) {
            contents.tx(p, t.tx());
        } else if (packet instanceof TxUnknownPacket u) {
            requests.failed(Request.tx(u.txid()), p, nowMillis.getAsLong());
        } else if (packet instanceof GetTxMapPacket g) {
            p.connection.send(server.txMap(g, p));
        } else if (packet instanceof TxMapPacket m) {
            sync.onTxMap(p, m);
        } else if (packet instanceof HashesInBlockPacket h) {
            contents.hashInBlock(p, h);
        } else if (packet instanceof SetFilterPacket f) {
            if (f.filter() == 0 || Long.compareUnsigned(f.offset(), MAX_FILTER_OFFSET) > 0) {
                faults.punish(p, Misbehaviour.FILTER_INVALID, "filter " + f.filter() + " offset " + f.offset());
                return;
            }
            p.theyAreSyncing = false;
        } else if (packet instanceof GetPeersPacket) {
            List<NetAddress> known = addresses.known();
            if (!known.isEmpty()) {
                // C refuses an empty PEERS as INVALID_LEN (docs/c-differences.md #29): send none rather than that.
                p.connection.send(new PeersPacket(known));
            }
        } else if (packet instanceof PeersPacket ps) {
            if (ps.peers().isEmpty()) {
                faults.punish(p, Misbehaviour.EMPTY_PEERS, "PEERS with no addresses");
            }
            addresses.learned(ps.peers());
        } else if (packet instanceof ComplaintPacket c) {
            contents.complaint(p, c);
        } else if (packet instanceof TxBadInputPacket n) {
            contents.badInput(p, n);
        } else if (packet instanceof TxBadAmountPacket n) {
            contents.badAmount(p, n);
        } else if (packet instanceof TxDoublespendPacket n) {
            contents.doublespend(p, n);
        } else if (packet instanceof PiggybackPacket) {
            return; // accepted and ignored, as C does
        } else if (packet instanceof ErrPacket e) {
            faults.punish(
                    p,
                    Misbehaviour.SENT_ERR,
                    "ERR "
                            + (e.error().isPresent()
                                    ? ErrorCode.fromCode(e.error().getAsLong())
                                            .map(ErrorCode::cName)
                                            .orElse("?")
                                    : "(malformed)"));
        } else {
            faults.punish(p, Misbehaviour.UNKNOWN_COMMAND, packet.type().cName() + " after the welcome");
        }
    }

    // ------------------------------------------------------------------ common

    /** A new block a synced peer sent us: to our other peers (as C's send_block_to_peers), as it came. */
    private void relayNewBlock(BlockNode b, ReceivedBlock received, Peer from) {
        broadcast(received.frame(), Optional.of(from));
        if (b == state.miningHead()) {
            lastAnnouncedHead = b; // the sender has it and everyone else just got it
        }
    }

    private void broadcast(Packet packet, Optional<Peer> except) {
        broadcast(EncodedPacket.of(packet), except);
    }

    /** One frame to every welcomed peer but {@code except}: encoded once, however many peers. */
    private void broadcast(EncodedPacket frame, Optional<Peer> except) {
        for (Peer q : peers.values()) {
            if (q.welcomed() && except.map(e -> e != q).orElse(true)) {
                q.connection.send(frame);
            }
        }
    }

    /**
     * After every event: peers whose welcome block is now ours have finished syncing (SET_FILTER);
     * every welcomed peer gets as many wanted items as its window allows.
     */
    private void afterEvent() {
        long now = nowMillis.getAsLong();
        for (Peer p : peers.values()) {
            if (!p.welcomed() || !p.connection.isOpen()) {
                continue;
            }
            if (p.weAreSyncing) {
                sync.checkSyncDone(p);
            }
            for (Request r : requests.nextFor(p, now)) {
                p.connection.send(r.packet());
            }
        }
    }

    /** The peer-cache refresh: GET_PEERS to every peer after 30 minutes without a new welcome (C's state.c). */
    static final long PEER_REFRESH_MILLIS = 30 * 60 * 1000L;

    // ------------------------------------------------------------------ for JSON-RPC (node thread, via Node.call)

    /** Every connection, welcomed or still handshaking (getinfo's {@code connections}, C's getinfo.c). */
    public int connectionCount() {
        nodeThread.checkOnNodeThread();
        return peers.size();
    }

    /** Requests sent to some peer and not yet answered. */
    public int requestsInFlight() {
        nodeThread.checkOnNodeThread();
        return peers.values().stream().mapToInt(requests::inFlightTo).sum();
    }

    /** Requests that went unanswered for the timeout since start (each went back to waiting). */
    public long requestTimeouts() {
        nodeThread.checkOnNodeThread();
        return requests.timeouts();
    }

    /** Peers banned for breaking the protocol since start. */
    public long bans() {
        nodeThread.checkOnNodeThread();
        return handshake.bans();
    }

    /** A snapshot of each connection, in the order they opened, for getpeerinfo. */
    public List<PeerInfo> peerInfo() {
        nodeThread.checkOnNodeThread();
        return peers.values().stream().map(p -> PeerInfo.of(p, requests)).toList();
    }

    /**
     * Wants these items from the network, as if a peer's packet had named them: the inputs of a tx
     * or the missing ancestors of a block that a user handed us.
     */
    public void want(java.util.Collection<Request> wanted) {
        nodeThread.checkOnNodeThread();
        wanted.forEach(requests::want);
        afterEvent();
    }
}
