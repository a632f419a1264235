package org.pettycoin.mining;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chainstate.ChainEvent;
import org.pettycoin.chainstate.ChainInput;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.LogNode;
import org.pettycoin.chainstate.NodeLoop;
import org.pettycoin.chainstate.NodeThread;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockHeader;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.Hash256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's block generator (C's generating.c and pettycoin-generate.c), in-process instead of C's child program.
 *
 * <p>Templates are built on the node thread, on the mining head ({@code longest_knowns[0]}) with the
 * pool's ready txs ({@link Template}). N worker threads hash them (each its own nonce2, all of
 * nonce1, only the tailer through a SHA-256 midstate) and never touch chain state. A solution goes
 * back to the node thread as a task, which takes it only if it is still good (the parent is still the
 * mining head and its txs are still ready), feeds it to the chain state as its own block (C's
 * recv_block_from_generator) and hands it to {@link Host#announce} for the peers.
 *
 * <p>Everything the miner does on the node thread goes through {@link NodeThread} and its failure
 * policy: the first template, the poll, each solution, and each step of {@link #generate}; so a
 * block of ours that the blockfile cannot take stops the node before anything announces it.
 *
 * <p>The template is rebuilt when the mining head or the pool's ready txs change. The miner notices
 * by polling on a node-thread timer every {@link Config#poll} (it compares the head and the ready txs
 * with its template's: a few microseconds); the node may also call {@link #templateChanged} after
 * an event to react at once. An idle pool does not stop a new head from restarting the work (C's
 * generator missed that: docs/c-differences.md #27). The timestamp is {@code max(now, median + 1)}
 * (docs/c-differences.md #6), refreshed while hashing.
 */
public final class Miner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Miner.class);
    /** Attempts between looks at the clock and at whether the work is still wanted (a few ms). */
    static final long CHUNK = 1 << 14;
    /** After the chain state refuses one of our blocks, wait this long so a lasting fault cannot spin. */
    private static final Duration BACKOFF_AFTER_REFUSAL = Duration.ofSeconds(1);
    /** {@link #generate} gives up after this many solutions in a row made stale by others' blocks. */
    private static final int MAX_STALE_IN_A_ROW = 100;
    /** How long {@link #close} waits for each thread (a worker looks every {@link #CHUNK} attempts: ms). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /**
     * The node a miner works for.
     *
     * @param nodeThread the node thread: tasks, calls and the poll timer
     * @param state the way into the chain state (the node's {@link org.pettycoin.chainstate.NodeLoop}, so
     *     our blocks are journaled like any other), only ever touched in tasks run by {@code nodeThread}
     * @param announce called on the node thread with each of our blocks once the chain state holds
     *     it with its contents: send it to the peers
     */
    public record Host(NodeThread nodeThread, ChainInput state, Consumer<BlockNode> announce) {
        public Host {
            Objects.requireNonNull(nodeThread);
            Objects.requireNonNull(state);
            Objects.requireNonNull(announce);
        }
    }

    /**
     * How to mine.
     *
     * @param rewardAddress fees_to of every block we make ({@code --reward-address})
     * @param threads worker threads ({@code --mining-threads}), at least one
     * @param nowSeconds the node's clock (the one block timestamps are checked against); any thread
     * @param poll how often the node thread compares the template with the head and the pool
     * @param restAfterBlock how long to wait after each block of ours before hashing the next one:
     *     zero on a real network; on regtest (about 256 hashes a block) it paces a local network
     * @param votes the feature bits our blocks vote for ({@code --vote}); only those the chain state
     *     knows are cast ({@link Template#build(ChainState, Address, int)})
     */
    public record Config(
            Address rewardAddress,
            int threads,
            LongSupplier nowSeconds,
            Duration poll,
            Duration restAfterBlock,
            int votes) {
        public static final Duration DEFAULT_POLL = Duration.ofMillis(200);

        public Config {
            Objects.requireNonNull(rewardAddress);
            Objects.requireNonNull(nowSeconds);
            if (threads < 1) {
                throw new IllegalArgumentException("mining needs at least one thread, got " + threads);
            }
            if (poll.isNegative() || poll.isZero() || restAfterBlock.isNegative()) {
                throw new IllegalArgumentException("poll must be positive and restAfterBlock not negative");
            }
            if (votes < 0 || votes > 0xff) {
                throw new IllegalArgumentException("votes are one byte of feature bits, got " + votes);
            }
        }

        /** Polling every {@link #DEFAULT_POLL}, no rest between blocks, voting for nothing (as C's generator). */
        public static Config of(Address rewardAddress, int threads, LongSupplier nowSeconds) {
            return new Config(rewardAddress, threads, nowSeconds, DEFAULT_POLL, Duration.ZERO, 0);
        }

        public Config withPoll(Duration d) {
            return new Config(rewardAddress, threads, nowSeconds, d, restAfterBlock, votes);
        }

        public Config withRestAfterBlock(Duration d) {
            return new Config(rewardAddress, threads, nowSeconds, poll, d, votes);
        }

        /** Our blocks vote for the features in {@code bits}. */
        public Config withVotes(int bits) {
            return new Config(rewardAddress, threads, nowSeconds, poll, restAfterBlock, bits);
        }
    }

    /**
     * Counters since start, readable from any thread.
     *
     * @param hashes block ids computed
     * @param blocksMined our blocks the chain state took
     * @param staleSolutions solutions dropped because the head or the pool moved first
     * @param refused solutions the chain state refused (should stay 0)
     * @param templates templates built
     */
    public record Stats(long hashes, long blocksMined, long staleSolutions, long refused, long templates) {}

    /** The default {@code --mining-threads}: every core but one (for the node), at least one. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** One template as handed to the workers; replaced, never changed (except for being solved). */
    private static final class Job {
        final Template template;
        final Bytes nonce2Base;
        final long notBeforeNanos;
        final AtomicBoolean solved = new AtomicBoolean();

        Job(Template template, Bytes nonce2Base, long notBeforeNanos) {
            this.template = template;
            this.nonce2Base = nonce2Base;
            this.notBeforeNanos = notBeforeNanos;
        }

        long restNanos() {
            return notBeforeNanos - System.nanoTime();
        }
    }

    private final Host host;
    private final Config config;
    private final List<Thread> workers = new ArrayList<>();
    /** Node thread only, once started. */
    private Optional<NodeThread.Timer> poll = Optional.empty();

    private final Object lock = new Object();
    private volatile Job job;
    private volatile boolean closed;
    private final LongAdder hashes = new LongAdder();
    private final AtomicLong mined = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong templates = new AtomicLong();
    /** Node thread only: no hashing before this (System.nanoTime). */
    private long restUntilNanos = System.nanoTime();
    /** Node thread only: why we are not mining, logged once per reason. */
    private String idleReason = "";

    private Miner(Host host, Config config) {
        this.host = host;
        this.config = config;
        int n = INSTANCES.incrementAndGet();
        for (int i = 0; i < config.threads(); i++) {
            int index = i;
            workers.add(daemon(() -> work(index), "miner" + n + "-" + i));
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(LogNode.inherit(r), name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Starts mining: the first template is built on the node thread right away. May be called on the
     * node thread or any other; it does not wait for the node thread. Stop with {@link #close}.
     */
    public static Miner start(Host host, Config config) {
        Miner m = new Miner(host, config);
        LOG.info(
                "mining to {} with {} thread{}",
                config.rewardAddress(),
                config.threads(),
                config.threads() == 1 ? "" : "s");
        m.workers.forEach(Thread::start);
        m.onNodeThread(() -> {
            m.refresh(false);
            long every = config.poll().toMillis();
            if (!m.closed) {
                m.poll = Optional.of(host.nodeThread().scheduleWithFixedDelay(() -> m.refresh(false), every, every));
            }
        });
        return m;
    }

    /**
     * Node thread: the head or the pool may have changed; rebuild the template now if so, instead of
     * at the next poll. Optional: the miner polls anyway.
     */
    public void templateChanged() {
        refresh(false);
    }

    /**
     * Makes the miner hear {@code loop}'s events and rebuild its template the moment the mining
     * head moves (a heavier branch, a complaint that invalidated what we mined on), rather than at
     * the next poll: until then every hash is spent on a block nobody will take. Node thread only.
     */
    public void followHeads(NodeLoop loop) {
        host.nodeThread().checkOnNodeThread();
        loop.addSink(events -> {
            if (!closed && events.stream().anyMatch(e -> e instanceof ChainEvent.HeadsMoved)) {
                refresh(false);
            }
        });
    }

    public Stats stats() {
        return new Stats(hashes.sum(), mined.get(), stale.get(), refused.get(), templates.get());
    }

    /** The parent of the block being mined (any thread); empty while idle. */
    public Optional<Hash256> miningOn() {
        Job j = job;
        return j == null ? Optional.empty() : Optional.of(j.template.parentId());
    }

    /**
     * Stops the workers and the poll, and waits (briefly) for the workers to finish. Safe on any
     * thread, including the node thread: it never waits for the node thread.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The timer is cancelled on the node thread, where it was made; until then each run sees closed.
        onNodeThread(() -> poll.ifPresent(NodeThread.Timer::cancel));
        synchronized (lock) {
            job = null;
            lock.notifyAll();
        }
        try {
            for (Thread t : workers) {
                t.join(STOP_WAIT.toMillis());
                if (t.isAlive()) {
                    LOG.warn("{} did not stop in time", t.getName());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("mining stopped: {}", stats());
    }

    // ------------------------------------------------------------------ node thread

    /** Node thread: builds and hands out a new template if the head or the pool moved (or always, if forced). */
    private void refresh(boolean force) {
        if (closed) {
            return;
        }
        ChainState state = host.state().chain();
        Job current = job;
        if (!force
                && current != null
                && current.template.parent() == state.miningHead()
                && current.template.samePending(state.pending().forNextBlock())) {
            return;
        }
        Template t;
        try {
            t = Template.build(state, config.rewardAddress(), config.votes());
        } catch (RuntimeException e) {
            idle("cannot build a block on " + state.miningHead() + ": " + e.getMessage());
            return;
        }
        if (t.aheadOfClock(config.nowSeconds().getAsLong())) {
            idle("the median time of the chain at " + t.parent() + " is over 2 hours ahead of our clock");
            return;
        }
        idleReason = "";
        templates.incrementAndGet();
        LOG.debug("mining on {} with {} txs", t.parent(), t.txCount());
        publish(new Job(t, randomNonce2(), restUntilNanos));
    }

    private void idle(String reason) {
        if (!reason.equals(idleReason)) {
            LOG.warn("not mining: {}", reason);
            idleReason = reason;
        }
        publish(null);
    }

    private void publish(Job j) {
        synchronized (lock) {
            job = j;
            lock.notifyAll();
        }
    }

    /** Node thread: a worker's solution. */
    private void solved(Job j, MinedBlock block) {
        if (closed) {
            return;
        }
        try {
            OwnBlocks.Result r = OwnBlocks.accept(host.state(), j.template, block);
            if (r instanceof OwnBlocks.Accepted a) {
                mined.incrementAndGet();
                restUntilNanos = System.nanoTime() + config.restAfterBlock().toNanos();
                BlockNode node = a.block();
                LOG.info("mined block {} at height {} with {} txs", node.id(), node.height(), j.template.txCount());
                host.announce().accept(node);
            } else if (r instanceof OwnBlocks.Stale s) {
                stale.incrementAndGet();
                LOG.debug("dropped a solution: {}", s.why());
            } else if (r instanceof OwnBlocks.Refused f) {
                refused.incrementAndGet();
                restUntilNanos = System.nanoTime() + BACKOFF_AFTER_REFUSAL.toNanos();
                LOG.warn("our block {} was refused: {}", block.id(), f.why());
            }
        } finally {
            refresh(true);
        }
    }

    private void onNodeThread(Runnable task) {
        try {
            host.nodeThread().execute(task);
        } catch (RejectedExecutionException e) {
            // The node is shutting down: nothing more to mine for.
            LOG.debug("node thread gone: {}", e.toString());
        }
    }

    // ------------------------------------------------------------------ workers

    private void work(int index) {
        Job done = null;
        while (true) {
            Job j;
            try {
                synchronized (lock) {
                    while (true) {
                        j = job;
                        if (closed) {
                            return;
                        }
                        if (j == null || j == done || j.solved.get()) {
                            lock.wait();
                        } else if (j.restNanos() > 0) {
                            lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(j.restNanos())));
                        } else {
                            break;
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
            Job mine = j;
            Block b = solve(
                    mine.template,
                    NonceSearch.addToNonce2(mine.nonce2Base, index),
                    config.threads(),
                    config.nowSeconds(),
                    () -> closed || job != mine || mine.solved.get(),
                    hashes);
            if (b != null && mine.solved.compareAndSet(false, true)) {
                MinedBlock m = new MinedBlock(b, mine.template.shards());
                onNodeThread(() -> solved(mine, m));
            }
            done = mine;
        }
    }

    /**
     * Hashes {@code template} from {@code nonce2} on, stepping nonce2 by {@code nonce2Step} each time
     * nonce1 runs out, until a solution or until {@code stop} (asked every {@link #CHUNK} attempts).
     *
     * @return the solved block, or null if stopped
     */
    static Block solve(
            Template template,
            Bytes nonce2,
            int nonce2Step,
            LongSupplier clock,
            BooleanSupplier stop,
            LongAdder hashes) {
        Bytes n2 = nonce2;
        NonceSearch search = new NonceSearch(template.block(), n2);
        long nonce1 = 0;
        while (!stop.getAsBoolean()) {
            search.setTimestamp(template.timestamp(clock.getAsLong()));
            Block b = search.search(nonce1, CHUNK);
            if (b != null) {
                hashes.add(b.tailer().nonce1() - nonce1 + 1);
                return b;
            }
            hashes.add(Math.min(CHUNK, NonceSearch.NONCE1_SPACE - nonce1));
            nonce1 += CHUNK;
            if (nonce1 >= NonceSearch.NONCE1_SPACE) {
                n2 = NonceSearch.addToNonce2(n2, nonce2Step);
                search = new NonceSearch(template.block(), n2);
                nonce1 = 0;
            }
        }
        return null;
    }

    private static Bytes randomNonce2() {
        byte[] b = new byte[BlockHeader.NONCE2_LENGTH];
        ThreadLocalRandom.current().nextBytes(b);
        return Bytes.of(b);
    }

    // ------------------------------------------------------------------ generate

    /**
     * Mines {@code n} blocks one after another on the mining head, right now, with this miner's
     * reward address: see {@link #generate(Host, Address, LongSupplier, int)}.
     */
    public List<Hash256> generate(int n) throws IOException, InterruptedException {
        List<Hash256> ids = generate(host, config.rewardAddress(), config.votes(), config.nowSeconds(), n);
        mined.addAndGet(ids.size());
        return ids;
    }

    /**
     * Mines {@code n} blocks one after another on the mining head, on the calling thread, each
     * taken and announced exactly like a block of a running miner (for a {@code generate} RPC on
     * regtest). Templates are built and blocks taken in short tasks on the node thread; the hashing
     * happens on the caller's. Never call it on the node thread: it waits for that thread.
     *
     * @return the ids of the new blocks, in order
     * @throws IllegalStateException if the chain state refuses a block or no template can be built
     * @throws IOException if the node thread cannot take a block (its storage failed: the node stops)
     */
    public static List<Hash256> generate(Host host, Address rewardTo, LongSupplier clock, int n)
            throws IOException, InterruptedException {
        return generate(host, rewardTo, 0, clock, n);
    }

    /** The same, the blocks voting for the features among {@code votes} that the node knows. */
    public static List<Hash256> generate(Host host, Address rewardTo, int votes, LongSupplier clock, int n)
            throws IOException, InterruptedException {
        List<Hash256> ids = new ArrayList<>(n);
        int staleInARow = 0;
        LongAdder ignored = new LongAdder();
        while (ids.size() < n) {
            Template t =
                    host.nodeThread().call(() -> Template.build(host.state().chain(), rewardTo, votes));
            if (t.aheadOfClock(clock.getAsLong())) {
                throw new IllegalStateException("the chain's median time is over 2 hours ahead of our clock");
            }
            Block b = solve(
                    t, randomNonce2(), 1, clock, () -> Thread.currentThread().isInterrupted(), ignored);
            if (b == null) {
                throw new InterruptedException("generate interrupted");
            }
            MinedBlock block = new MinedBlock(b, t.shards());
            OwnBlocks.Result r = host.nodeThread().call(() -> {
                OwnBlocks.Result res = OwnBlocks.accept(host.state(), t, block);
                if (res instanceof OwnBlocks.Accepted a) {
                    host.announce().accept(a.block());
                }
                return res;
            });
            if (r instanceof OwnBlocks.Accepted) {
                ids.add(block.id());
                staleInARow = 0;
            } else if (r instanceof OwnBlocks.Stale s) {
                if (++staleInARow >= MAX_STALE_IN_A_ROW) {
                    throw new IllegalStateException("every block went stale: " + s.why());
                }
            } else if (r instanceof OwnBlocks.Refused f) {
                throw new IllegalStateException("block " + block.id() + " refused: " + f.why());
            }
        }
        return ids;
    }
}
