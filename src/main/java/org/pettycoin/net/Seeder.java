package org.pettycoin.net;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.pettycoin.chainstate.LogNode;
import org.pettycoin.chainstate.NodeThread;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.store.AddressesFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds addresses when the dialer has none left, as C's {@code seed_peers} (peer.c) does: ask the
 * seeds (or, in {@code --developer-test}, read the addresses file), put what they give in the peer
 * cache, and let the dialer dial it. C seeds three times; on the fourth call it settles for the peers
 * it has, or, with none, stays up with {@code --seeding} and otherwise exits "Failed to connect to
 * any peers". We keep that, better behaved: the attempts are spaced (1 s, doubling to
 * {@link #MAX_WAIT_MILLIS}) where C asked again at once; a node without peers that may stay up asks
 * again on that back-off rather than never; and only a node that has never found a peer gives up
 * (C's count never resets, so it also exited on losing its last peer later; docs/c-differences.md #50).
 *
 * <p>Decisions are taken on the node thread; name lookups and seed connections, which block, run on
 * the seeder's own thread, and their results come back to the node thread.
 */
public final class Seeder implements PeerSeeding {
    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);
    /** Seed attempts before the node settles, stays lonely or gives up (peer.c: {@code peer_seed_count++ > 2}). */
    static final int ATTEMPTS = 3;

    static final long FIRST_WAIT_MILLIS = 1000;
    static final long MAX_WAIT_MILLIS = 60_000;
    /** C's {@code fatal} message when no peer can be found (peer.c {@code seed_peers}). */
    public static final String NO_PEERS = "Failed to connect to any peers";

    /**
     * How a node seeds.
     *
     * @param dnsSeeds  the seeds asked (ignored in {@code --developer-test}, which reads the addresses file)
     * @param noPeersOk {@code --seeding}: stay up without peers rather than exit
     */
    public record Config(List<DnsSeed> dnsSeeds, boolean noPeersOk) {
        /** No seeds, and a node without peers stays up: for nodes that are told whom to dial. */
        public static final Config NONE = new Config(List.of(), true);

        public Config {
            dnsSeeds = List.copyOf(dnsSeeds);
        }
    }

    /** Where addresses come from; {@link #find} blocks and runs off the node thread. */
    public interface Source {
        /** Whether there is nothing to ask. */
        boolean none();

        List<NetAddress> find() throws IOException;
    }

    private final Source source;
    private final boolean noPeersOk;
    private final NodeThread nodeThread;
    private final Dialer dialer;
    private final IntSupplier connections;
    private final Consumer<String> giveUp;
    private final ExecutorService lookups = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(LogNode.inherit(r), "pettycoin-seed");
        t.setDaemon(true);
        return t;
    });
    /** The next attempt, waiting its turn; cancelled on close so that it does not hold up the node's stop. */
    private Optional<NodeThread.Timer> next = Optional.empty();

    private int attempts;
    /** A decision, a wait or a lookup is under way: further calls add nothing. */
    private boolean busy;

    private boolean everWelcomed;
    private boolean settled;
    private boolean lonely;
    private boolean closed;

    /**
     * @param connections whether there are peers or dials under way (C's {@code num_peers + num_peers_connecting}):
     *                    zero if none
     * @param giveUp      told {@link #NO_PEERS} when the node should stop
     */
    public Seeder(
            Source source,
            boolean noPeersOk,
            NodeThread nodeThread,
            Dialer dialer,
            IntSupplier connections,
            Consumer<String> giveUp) {
        this.source = source;
        this.noPeersOk = noPeersOk;
        this.nodeThread = nodeThread;
        this.dialer = dialer;
        this.connections = connections;
        this.giveUp = giveUp;
    }

    /** Asks the seeds, each in turn, and gathers every address they give; each answer or failure is logged. */
    public static Source dnsSeeds(
            List<DnsSeed> seeds, Duration connectTimeout, Duration readTimeout, LongSupplier now) {
        return new Source() {
            @Override
            public boolean none() {
                return seeds.isEmpty();
            }

            @Override
            public List<NetAddress> find() {
                List<NetAddress> found = new ArrayList<>();
                for (DnsSeed s : seeds) {
                    try {
                        List<NetAddress> got = SeedFetch.ask(s, connectTimeout, readTimeout, now.getAsLong());
                        LOG.info("seed {} gave {} addresses", s, got.size());
                        found.addAll(got);
                    } catch (IOException e) {
                        LOG.info("seed {}: {}", s, e.getMessage());
                    }
                }
                return found;
            }
        };
    }

    /** {@code --developer-test}: the addresses file, read again at each attempt, as C reads it. */
    public static Source addressesFile(Path file) {
        return new Source() {
            @Override
            public boolean none() {
                return false;
            }

            @Override
            public List<NetAddress> find() throws IOException {
                return AddressesFile.read(file);
            }
        };
    }

    @Override
    public void outOfAddresses() {
        if (closed || busy) {
            return;
        }
        busy = true;
        // Decided afterwards, never inside the dialer's call: it may be start-up, still running.
        nodeThread.execute(this::decide);
    }

    @Override
    public void welcomed() {
        everWelcomed = true;
    }

    /** Stops asking; a lookup under way is abandoned. */
    public void close() {
        closed = true;
        next.ifPresent(NodeThread.Timer::cancel);
        lookups.shutdownNow();
    }

    private void decide() {
        if (closed) {
            return;
        }
        if (attempts < ATTEMPTS && !source.none()) {
            askIn(waitBefore(attempts));
            return;
        }
        int n = connections.getAsInt();
        if (n > 0) {
            if (!settled) {
                LOG.info("Can't find many peers, settling with {}", n);
            }
            settled = true;
            lonely = false;
            busy = false;
            return;
        }
        settled = false;
        if (!everWelcomed && !noPeersOk) {
            LOG.error(
                    "{} ({}; --seeding would stay up without them)",
                    NO_PEERS,
                    source.none() ? "no seed to ask" : "asked " + attempts + " times");
            closed = true;
            giveUp.accept(NO_PEERS);
            return;
        }
        if (!lonely) {
            LOG.warn(
                    "Can't find peers, staying lonely{}",
                    source.none() ? "" : "; asking the seeds again from time to time");
        }
        lonely = true;
        if (source.none()) {
            busy = false;
        } else {
            askIn(waitBefore(attempts));
        }
    }

    /** No wait before the first attempt; then 1 s, doubling, at most {@link #MAX_WAIT_MILLIS}. */
    static long waitBefore(int attempt) {
        if (attempt == 0) {
            return 0;
        }
        return Math.min(MAX_WAIT_MILLIS, FIRST_WAIT_MILLIS << Math.min(attempt - 1, 20));
    }

    private void askIn(long millis) {
        next = Optional.of(nodeThread.schedule(
                () -> {
                    if (closed) {
                        return;
                    }
                    try {
                        lookups.execute(this::ask);
                    } catch (RejectedExecutionException stopping) {
                        // closed meanwhile
                    }
                },
                millis));
    }

    /** On the seeder's thread. */
    private void ask() {
        List<NetAddress> found;
        try {
            found = source.find();
        } catch (IOException e) {
            LOG.info("seeding found no peers: {}", e.getMessage());
            found = List.of();
        } catch (RuntimeException e) {
            LOG.error("seeding failed", e);
            found = List.of();
        }
        List<NetAddress> result = found;
        try {
            nodeThread.execute(() -> found(result));
        } catch (RejectedExecutionException stopping) {
            // the node is stopping
        }
    }

    private void found(List<NetAddress> addresses) {
        if (closed) {
            return;
        }
        attempts++;
        busy = false;
        if (!addresses.isEmpty()) {
            dialer.learned(addresses);
        }
        // The seeding connection closing calls fill_peers in C: dial what came, or decide again.
        dialer.fillFromCache();
    }
}
