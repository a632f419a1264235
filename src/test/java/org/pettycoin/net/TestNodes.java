package org.pettycoin.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.time.MockTimeClock;

/**
 * Real nodes on 127.0.0.1 for multi-node tests: ephemeral ports, their own data directories, one
 * mock-time clock that runs from a fixed base so pre-built regtest chains are inside the horizon,
 * short timeouts.
 * Closing closes every node started.
 */
final class TestNodes implements AutoCloseable {
    static final Address MINER = Address.fromHex("5a".repeat(20));
    private final Path dir;
    private final MockTimeClock clock;
    private final List<Node> nodes = new ArrayList<>();

    TestNodes(Path dir, long baseSeconds) {
        this.dir = dir;
        this.clock = MockTimeClock.startingAt(baseSeconds);
    }

    MockTimeClock clock() {
        return clock;
    }

    Path dataDir(String name) {
        return dir.resolve(name);
    }

    Node start(String name, InetSocketAddress... connect) throws IOException {
        return start(options(name, connect));
    }

    Node.Options options(String name, InetSocketAddress... connect) {
        return Node.Options.of(Network.REGTEST, dataDir(name), 0, List.of(connect))
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withClock(clock())
                .withTransport(TransportConfig.defaults().withConnectTimeout(Duration.ofSeconds(2)));
    }

    Node start(Node.Options o) throws IOException {
        Node n = Node.start(o);
        nodes.add(n);
        return n;
    }

    static InetSocketAddress address(Node n) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), n.port());
    }

    /** Mines {@code count} empty blocks on the node's best block and announces each. */
    static BlockNode mine(Node n, int count) throws IOException {
        return n.call(() -> {
            ChainBuilder b = ChainBuilder.on(n.state(), MINER);
            BlockNode tip = n.state().miningHead();
            for (int i = 0; i < count; i++) {
                // What the pool holds goes in, as a miner of ours would put it (C's pending.c).
                tip = b.mine(
                        tip,
                        tip.block().tailer().timestamp() + 1,
                        ChainBuilder.pendingContents(n.state().pending()));
                n.network().announce(tip);
            }
            return tip;
        });
    }

    /** Offers a tx to the node as a wallet would, and announces it if the pool kept it. */
    static org.pettycoin.node.PendingPool.Status submit(Node n, org.pettycoin.protocol.Tx tx) throws IOException {
        return n.call(() -> {
            var s = n.state().submitTx(tx);
            if (s.admission().kept()) {
                n.network().announce(tx);
            }
            return s.admission().status();
        });
    }

    static Hash256 bestId(Node n) throws IOException {
        return n.call(() -> n.state().miningHead().id());
    }

    static <T> T on(Node n, Callable<T> c) throws IOException {
        return n.call(c);
    }

    /** Waits (bounded) until {@code done} holds; false if it never did. */
    static boolean await(Duration limit, Check done) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.holds()) {
                return true;
            }
            Thread.sleep(20);
        }
        return done.holds();
    }

    /** A condition polled by {@link #await}. */
    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    void stop(Node n) {
        n.close();
        nodes.remove(n);
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            n.close();
        }
        nodes.clear();
    }
}
