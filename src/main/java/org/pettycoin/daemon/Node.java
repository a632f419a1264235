package org.pettycoin.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.pettycoin.chain.Interests;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.BlockfileJournal;
import org.pettycoin.chainstate.BlockfileLoader;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.NodeLoop;
import org.pettycoin.chainstate.NodeThread;
import org.pettycoin.consensus.SignaturePool;
import org.pettycoin.net.Dialer;
import org.pettycoin.net.NetAddresses;
import org.pettycoin.net.PeerNetwork;
import org.pettycoin.net.RequestScheduler;
import org.pettycoin.net.Seeder;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.store.AddressesFile;
import org.pettycoin.store.Blockfile;
import org.pettycoin.store.PeerCache;
import org.pettycoin.time.NodeClock;
import org.pettycoin.time.Progress;
import org.pettycoin.time.SystemClock;
import org.pettycoin.transport.PacketCounts;
import org.pettycoin.transport.PacketPrecheck;
import org.pettycoin.transport.Traffic;
import org.pettycoin.transport.Transport;
import org.pettycoin.transport.TransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: the node thread that owns the chain state, the blockfile journal, the peer
 * protocol and the transport (docs/architecture.md). Start-up replays the blockfile, then listens and dials;
 * {@link #close} stops dialling, closes every connection, and syncs and closes the blockfile.
 * Everything that touches chain state runs on the {@link NodeThread}, under its failure policy;
 * {@link #call} gets there from outside. A storage failure anywhere stops the node: {@link #failure}
 * completes with why, and the close does not write the blockfile again.
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);
    /** How often request timeouts and sync stalls are looked at. */
    static final long TICK_MILLIS = 250;

    /** How to run a node. */
    public record Options(
            Network network,
            Path dataDir,
            InetSocketAddress listen,
            List<InetSocketAddress> connect,
            NodeClock clock,
            TransportConfig transport,
            ChainState.Config chain,
            RequestScheduler.Config requests,
            long syncStallMillis,
            boolean developerTest,
            int votes,
            int signatureThreads) {
        public Options {
            if (signatureThreads < 0) {
                throw new IllegalArgumentException("signature threads must be 0 or more, got " + signatureThreads);
            }
            connect = List.copyOf(connect);
            if (votes < 0 || votes > 0xff) {
                throw new IllegalArgumentException("votes are one byte of feature bits, got " + votes);
            }
        }

        /** Defaults for {@code network} in {@code dataDir}, listening on {@code port} of every interface. */
        public static Options of(Network network, Path dataDir, int port, List<InetSocketAddress> connect) {
            return new Options(
                    network,
                    dataDir,
                    new InetSocketAddress(port),
                    connect,
                    SystemClock.INSTANCE,
                    TransportConfig.defaults(),
                    ChainState.Config.DEFAULT,
                    RequestScheduler.Config.DEFAULT,
                    PeerNetwork.Config.SYNC_STALL_MILLIS,
                    false,
                    0,
                    Runtime.getRuntime().availableProcessors());
        }

        /**
         * Threads that check the signatures of incoming txs ahead of the node thread (default: one per
         * core); 0 checks them on the node thread alone. The node accepts the same either way.
         */
        public Options withSignatureThreads(int n) {
            return with(d -> d.signatureThreads = n);
        }

        /** A copy with {@code change} made to it. */
        private Options with(java.util.function.Consumer<Draft> change) {
            Draft d = new Draft(this);
            change.accept(d);
            return d.options();
        }

        /** The clock every reading of time goes through (consensus, timestamps, peer cache, timers). */
        public Options withClock(NodeClock c) {
            return with(d -> d.clock = c);
        }

        public Options withTransport(TransportConfig t) {
            return with(d -> d.transport = t);
        }

        public Options withListen(InetSocketAddress a) {
            return with(d -> d.listen = a);
        }

        public Options withChain(ChainState.Config c) {
            return with(d -> d.chain = c);
        }

        /**
         * Holds only these shards: a partial node (fetches every shard's hashes, the txs of its own
         * shards and, of the others, the txs paying into its own). A partial node cannot mine.
         */
        public Options withShards(Interests held) {
            return withChain(chain.withInterests(held));
        }

        public Options withRequests(RequestScheduler.Config r) {
            return with(d -> d.requests = r);
        }

        /** {@code --developer-test}: peers come from, and we add ourselves to, the data dir's addresses file. */
        public Options withDeveloperTest(boolean on) {
            return with(d -> d.developerTest = on);
        }

        /**
         * {@code --vote}: the blocks this node mines (its miner and {@code generate}) vote for the
         * features in {@code bits} that its chain state knows ({@link ChainState.Config#knownFeatures});
         * a node that does not mine casts no vote.
         */
        public Options withVotes(int bits) {
            return with(d -> d.votes = bits);
        }

        /** The votes its blocks carry: those of {@link #votes} this node knows. */
        public int castVotes() {
            return votes & chain.knownFeatures();
        }

        public Options withSyncStall(long millis) {
            return with(d -> d.syncStallMillis = millis);
        }

        /** An Options being changed: each {@code with…} copies, sets one field, and builds anew. */
        private static final class Draft {
            private Network network;
            private Path dataDir;
            private InetSocketAddress listen;
            private List<InetSocketAddress> connect;
            private NodeClock clock;
            private TransportConfig transport;
            private ChainState.Config chain;
            private RequestScheduler.Config requests;
            private long syncStallMillis;
            private boolean developerTest;
            private int votes;
            private int signatureThreads;

            Draft(Options o) {
                network = o.network;
                dataDir = o.dataDir;
                listen = o.listen;
                connect = o.connect;
                clock = o.clock;
                transport = o.transport;
                chain = o.chain;
                requests = o.requests;
                syncStallMillis = o.syncStallMillis;
                developerTest = o.developerTest;
                votes = o.votes;
                signatureThreads = o.signatureThreads;
            }

            Options options() {
                return new Options(
                        network,
                        dataDir,
                        listen,
                        connect,
                        clock,
                        transport,
                        chain,
                        requests,
                        syncStallMillis,
                        developerTest,
                        votes,
                        signatureThreads);
            }
        }
    }

    private final Options options;
    private final Seeder.Config seeding;
    private final NodeThread thread;
    private final NodeUuid uuid;
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.CompletableFuture<String> failed =
            new java.util.concurrent.CompletableFuture<>();
    private BlockfileJournal journal;
    private PeerCache peerCache;
    private ChainState state;
    private NodeLoop loop;
    private PeerNetwork network;
    private Dialer dialer;
    private Seeder seeder;
    private volatile Transport transport;
    private volatile Optional<SignaturePool> signatures = Optional.empty();
    private int port;
    private Optional<NodeThread.Timer> syncTimer = Optional.empty();
    private Optional<NodeThread.Timer> tickTimer = Optional.empty();

    private Node(Options options, Seeder.Config seeding) {
        this.options = options;
        this.seeding = seeding;
        this.thread = NodeThread.start("node", this::stopBecause);
        byte[] u = new byte[NodeUuid.LENGTH];
        new SecureRandom().nextBytes(u);
        this.uuid = NodeUuid.of(u);
    }

    /** Starts a node: loads its blockfile, listens, dials; it asks no seed and stays up without peers. */
    public static Node start(Options options) throws IOException {
        return start(options, Seeder.Config.NONE);
    }

    /**
     * Starts a node that seeds as {@code seeding} says when it has no address to dial; one that
     * gives up for want of peers stops itself, and {@link #failure} says why.
     */
    public static Node start(Options options, Seeder.Config seeding) throws IOException {
        Node n = new Node(options, seeding);
        try {
            n.call(() -> {
                n.init();
                return null;
            });
        } catch (IOException | RuntimeException e) {
            n.close();
            throw e;
        }
        return n;
    }

    private void init() throws IOException {
        Files.createDirectories(options.dataDir());
        // The peer cache's lock is also the one-node-per-directory lock (as in C's peer_cache.c): take it first.
        NodeClock clock = options.clock();
        peerCache = PeerCache.open(
                options.dataDir().resolve(PeerCache.FILE_NAME), uuid, clock::unixSeconds, new SecureRandom());
        journal = BlockfileJournal.open(options.dataDir().resolve(Blockfile.FILE_NAME));
        // Detached blocks age by the monotonic reading: setting the clock does not expire them.
        state = new ChainState(options.network(), options.chain(), clock::unixSeconds, clock::monotonicMillis);
        state.ownedBy(thread.thread()); // named at once, not left to whichever thread touches it first
        long t0 = System.nanoTime();
        BlockfileLoader.Summary s = journal.load(
                state,
                Optional.of(new Progress(
                        "blockfile replay", "blocks", clock::monotonicNanos, Progress.EVERY_NANOS, LOG::info)));
        LOG.info(
                "blockfile: {} blocks, {} txs in {} ms; best known block {} at height {}{}",
                s.blocks(),
                s.txs(),
                (System.nanoTime() - t0) / 1_000_000,
                state.miningHead().id(),
                state.miningHead().height(),
                s.replay().stoppedBecause().map(w -> "; cut a bad tail: " + w).orElse(""));
        // A sync that fails is a storage failure like an append that fails: the node thread stops the node.
        BlockfileJournal j = journal;
        syncTimer = Optional.of(thread.scheduleWithFixedDelay(
                j::syncNow, BlockfileJournal.DEFAULT_SYNC_MILLIS, BlockfileJournal.DEFAULT_SYNC_MILLIS));
        dialer = new Dialer(uuid, options.connect(), thread, Optional.of(peerCache), clock::unixSeconds);
        // Every input from here on goes through the loop: the journal hears each event before the peers do.
        loop = new NodeLoop(state, journal);
        network = new PeerNetwork(
                thread,
                loop,
                new PeerNetwork.Config(
                        uuid, 0, options.requests(), options.syncStallMillis(), PeerNetwork.Config.MAX_SCORE),
                dialer,
                clock::unixSeconds,
                clock::monotonicMillis); // request timeouts, bans and stalls are intervals
        loop.addSink(network.events());
        // C's new_longest warning: of what the replay attached (its events went nowhere), then of new heads.
        FeatureWarning features = new FeatureWarning();
        features.replayed(state.tree().heads().longestChains().get(0), state.knownFeatures());
        loop.addSink(features);
        network.wantUnknownContents();
        seeder = new Seeder(
                seedSource(),
                seeding.noPeersOk(),
                thread,
                dialer,
                () -> Math.max(network.connectionCount(), dialer.dialled()),
                this::stopBecause);
        dialer.seedWith(seeder);
        TransportConfig t = options.transport();
        // A developer-test network is all on 127.0.0.1 (C's --developer-test): loopback is not one host there.
        // Signatures of incoming txs are checked on the pool ahead of the node thread, into the cache the
        // chain state's own checks consult: the node thread still decides, the pool only fills the cache.
        if (options.signatureThreads() > 0) {
            signatures = Optional.of(new SignaturePool(
                    options.chain().txChecks().signing(), options.signatureThreads(), SignaturePool.DEFAULT_QUEUE));
        }
        PacketPrecheck precheck =
                signatures.<PacketPrecheck>map(p -> p::preverify).orElse(PacketPrecheck.NONE);
        transport = new Transport(
                options.developerTest() ? t.withLimits(t.limits().withLoopbackUnlimited(true)) : t,
                network,
                thread,
                clock,
                precheck);
        port = transport.listen(options.listen());
        network.listeningOn(port);
        LOG.info("listening on port {}", port);
        if (options.developerTest()) {
            useAddressesFile();
        }
        dialer.start(transport::connect);
        PeerNetwork net = network;
        tickTimer = Optional.of(thread.scheduleWithFixedDelay(net::tick, TICK_MILLIS, TICK_MILLIS));
    }

    /** C seeds from the addresses file in developer-test mode, else from its seed server (peer.c seed_peers). */
    private Seeder.Source seedSource() {
        if (options.developerTest()) {
            return Seeder.addressesFile(options.dataDir().resolve(AddressesFile.FILE_NAME));
        }
        return Seeder.dnsSeeds(
                seeding.dnsSeeds(),
                options.transport().connectTimeout(),
                options.transport().inputTimeout(),
                options.clock()::unixSeconds);
    }

    /** {@code --developer-test}: add ourselves to the shared addresses file and learn the others there. */
    private void useAddressesFile() throws IOException {
        Path file = options.dataDir().resolve(AddressesFile.FILE_NAME);
        if (Files.exists(file) && Files.size(file) > 0) {
            for (NetAddress a : AddressesFile.read(file)) {
                if (!a.uuid().equals(uuid)) {
                    peerCache.add(a);
                }
            }
        }
        AddressesFile.append(
                file,
                NetAddresses.of(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                        uuid,
                        options.clock().unixSeconds()));
    }

    /** The port we listen on. */
    public int port() {
        return port;
    }

    /** Bytes read from and written to peers since start (zero before the transport is up). Any thread. */
    public Traffic traffic() {
        Transport t = transport;
        return t == null ? Traffic.NONE : t.traffic();
    }

    /** Packets and bytes read and written per packet type since start (none before the transport is up). Any thread. */
    public PacketCounts packets() {
        Transport t = transport;
        return t == null ? PacketCounts.none() : t.packets();
    }

    /**
     * Tells {@code observer} the duration, in nanoseconds, of each blockfile sync that forced records
     * to the device; it runs on the node thread, so must be quick.
     */
    public void onBlockfileSync(LongConsumer observer) throws IOException {
        call(() -> {
            journal.onSync(observer);
            return null;
        });
    }

    /** The blockfile's length: where its next record goes. Node thread only, inside {@link #call}. */
    public long blockfileBytes() {
        thread.checkOnNodeThread();
        return journal.size();
    }

    /** How many peer-cache addresses the node has dialled since start (asked on the node thread). */
    public long cacheDials() throws IOException {
        return call(dialer::cacheDials);
    }

    public NodeUuid uuid() {
        return uuid;
    }

    /** The node thread: tasks, calls and timers for a miner and anything else that works for this node. */
    public NodeThread nodeThread() {
        return thread;
    }

    /**
     * Runs {@code task} on the node thread and waits for its result (see {@link NodeThread#call}: a
     * storage failure inside it stops the node and reaches the caller as an IOException).
     */
    public <T> T call(Callable<T> task) throws IOException {
        return thread.call(task);
    }

    /**
     * A test hook for the failure policy (node thread only, inside {@link #call}): closes the
     * blockfile's channel underneath the journal, as a failing disk would make it; every later
     * append or sync fails, and the first that does stops the node.
     */
    public void breakBlockfile() throws IOException {
        thread.checkOnNodeThread();
        journal.abandon();
    }

    /** A test hook (node thread only): forces what was appended to the device now, not at the next tick. */
    public void syncBlockfile() {
        thread.checkOnNodeThread();
        journal.syncNow();
    }

    /** The chain state: use only on the node thread, inside {@link #call}. */
    public ChainState state() {
        return state;
    }

    /**
     * The way into the chain state for this node's own inputs (its miner, JSON-RPC): events are
     * journaled, then handed to the peer protocol. Use only on the node thread, inside {@link #call}.
     */
    public NodeLoop input() {
        return loop;
    }

    /** The peer protocol: use only on the node thread, inside {@link #call}. */
    public PeerNetwork network() {
        return network;
    }

    /** Dials another node (and keeps dialling it). */
    public void connect(InetSocketAddress peer) throws IOException {
        call(() -> {
            dialer.add(peer);
            return null;
        });
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            try {
                closed.await(30, TimeUnit.SECONDS); // someone else is stopping it: wait for them
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            thread.callWhileStopping(() -> {
                syncTimer.ifPresent(NodeThread.Timer::cancel);
                tickTimer.ifPresent(NodeThread.Timer::cancel);
                if (dialer != null) {
                    dialer.stop();
                }
                if (seeder != null) {
                    seeder.close();
                }
                return null;
            });
        } catch (IOException | RuntimeException e) {
            LOG.warn("stopping: {}", e.toString());
        }
        if (transport != null) {
            transport.close();
        }
        signatures.ifPresent(SignaturePool::close);
        try {
            thread.callWhileStopping(() -> {
                if (journal != null) {
                    if (thread.failed()) {
                        journal.abandon(); // storage failed: write nothing more, only let go of the file
                    } else {
                        journal.close();
                    }
                }
                if (peerCache != null) {
                    peerCache.close();
                }
                return null;
            });
        } catch (IOException | RuntimeException e) {
            LOG.error("closing the blockfile: {}", e.toString());
        }
        thread.shutdown(10_000);
        LOG.info("stopped");
        closed.countDown();
    }

    /**
     * Stops the node from within (the seeder gave up, or the node thread's storage failed); the
     * close runs on a thread of its own, since it waits for the node thread. {@link #failure} says why.
     */
    private void stopBecause(String why) {
        if (failed.complete(why)) {
            new Thread(this::close, "node-stop").start();
        }
    }

    /** Completes (with why) if the node had to stop itself: its blockfile cannot be written, or no peers. */
    public java.util.concurrent.CompletableFuture<String> failure() {
        return failed;
    }

    /** How this node was started: its network and its clock, which some JSON-RPC answers depend on. */
    public Options options() {
        return options;
    }
}
