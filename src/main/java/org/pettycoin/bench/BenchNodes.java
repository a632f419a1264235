package org.pettycoin.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.Interests;
import org.pettycoin.chain.Network;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.time.MockTimeClock;
import org.pettycoin.time.NodeClock;

/**
 * Real regtest nodes on 127.0.0.1 for a benchmark run: ephemeral ports, data directories under one
 * directory, and one mock-time clock for all of them that runs from a fixed base so that pre-built
 * chains are inside the horizon (what {@code --mocktime} does for a node). Links between nodes
 * are direct or through a {@link DelayProxy}. Closing stops every node (last started first), then
 * every proxy.
 */
public final class BenchNodes implements AutoCloseable {
    /** How often a condition is looked at while waiting. */
    private static final long POLL_MILLIS = 20;

    private final Path dir;
    private final MockTimeClock clock;
    private final List<Node> nodes = new ArrayList<>();
    private final List<DelayProxy> proxies = new ArrayList<>();

    public BenchNodes(Path dir, long baseSeconds) {
        this.dir = dir;
        this.clock = MockTimeClock.startingAt(baseSeconds);
    }

    /** The nodes' clock: the base, advancing with real time. */
    public NodeClock clock() {
        return clock;
    }

    /** Starts a node in {@code dir/name}, from a copy of {@code blockfile} if given, dialling {@code connect}. */
    public Node start(String name, Optional<Path> blockfile, InetSocketAddress... connect) throws IOException {
        return start(name, blockfile, Interests.ALL, connect);
    }

    /** The same holding only the shards {@code held} (a partial node, which never mines). */
    public Node start(String name, Optional<Path> blockfile, Interests held, InetSocketAddress... connect)
            throws IOException {
        Path data = dir.resolve(name);
        if (blockfile.isPresent()) {
            BenchChains.install(blockfile.get(), data);
        }
        Node n = Node.start(Node.Options.of(Network.REGTEST, data, 0, List.of(connect))
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withClock(clock)
                .withShards(held));
        nodes.add(n);
        return n;
    }

    /** Where to dial {@code n}: its own port, or a new proxy to it adding {@code latency} each way. */
    public InetSocketAddress route(Node n, Optional<Duration> latency) throws IOException {
        InetSocketAddress direct = new InetSocketAddress(InetAddress.getLoopbackAddress(), n.port());
        if (latency.isEmpty()) {
            return direct;
        }
        DelayProxy p = DelayProxy.start(direct, latency.get());
        proxies.add(p);
        return p.address();
    }

    /** What a node reports, read in one visit to its thread. */
    public record View(Hash256 tip, long height, int blocks, int outstanding) {}

    public static View view(Node n) throws IOException {
        return n.call(() -> new View(
                n.state().miningHead().id(),
                n.state().miningHead().height(),
                n.state().tree().size(),
                n.network().outstandingRequests()));
    }

    /** A condition looked at while waiting. */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws IOException;
    }

    /**
     * Waits until {@code done} holds or {@code limit} passes.
     *
     * @return the nanoseconds from {@code startNanos} to when it was seen to hold, or empty
     */
    public static Optional<Long> await(long startNanos, Duration limit, Check done) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            boolean holds = done.holds();
            long now = System.nanoTime();
            if (holds) {
                return Optional.of(now - startNanos);
            }
            if (now - deadline >= 0) {
                return Optional.empty();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /** Stops {@code n} before the others (its data directory stays until the bench removes it). */
    public void stop(Node n) {
        n.close();
        nodes.remove(n);
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
        nodes.clear();
        proxies.forEach(DelayProxy::close);
        proxies.clear();
    }
}
