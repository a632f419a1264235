package org.pettycoin.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pettycoin.bench.TxWorkload;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.Origin;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.daemon.Node;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Tx;
import org.pettycoin.time.MockTimeClock;
import org.pettycoin.transport.TransportConfig;

/**
 * Real regtest nodes on 127.0.0.1: ephemeral ports, a data directory each, one mock-time clock for
 * all (from a fixed base, so that pre-built regtest chains are inside the horizon), short connect
 * timeouts. Closing closes every node started.
 */
public final class TestNodes implements AutoCloseable {
    /** An hour after the regtest genesis: blocks mined from genesis are inside the horizon. */
    public static final long HOUR_AFTER_GENESIS = Network.REGTEST.genesisTimestamp() + 3600;
    /** Where blocks mined by {@link #mine} pay. */
    public static final Address MINER = TestKeys.filledAddress(0x5a);

    private final Path dir;
    private final MockTimeClock clock;
    private final List<Node> nodes = new ArrayList<>();

    /** Nodes whose clock starts at {@code baseSeconds} and runs on in real time. */
    public TestNodes(Path dir, long baseSeconds) {
        this(dir, MockTimeClock.startingAt(baseSeconds));
    }

    /** Nodes reading {@code clock} (for the system's time: {@link MockTimeClock#system()}). */
    public TestNodes(Path dir, MockTimeClock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    public MockTimeClock clock() {
        return clock;
    }

    public Path dataDir(String name) {
        return dir.resolve(name);
    }

    /** Starts node {@code name} (its directory under ours) dialling {@code connect}. */
    public Node start(String name, InetSocketAddress... connect) throws IOException {
        return start(options(name, connect));
    }

    /** The options {@link #start(String, InetSocketAddress...)} uses, for a test to change. */
    public Node.Options options(String name, InetSocketAddress... connect) {
        return options(Network.REGTEST, name, connect);
    }

    /** The same on {@code network}. */
    public Node.Options options(Network network, String name, InetSocketAddress... connect) {
        return Node.Options.of(network, dataDir(name), 0, List.of(connect))
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withClock(clock())
                .withTransport(TransportConfig.defaults().withConnectTimeout(Duration.ofSeconds(2)));
    }

    public Node start(Node.Options o) throws IOException {
        Node n = Node.start(o);
        nodes.add(n);
        return n;
    }

    public static InetSocketAddress address(Node n) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), n.port());
    }

    /** Mines {@code count} blocks on the node's best block, with what its pool holds, announcing each. */
    public static BlockNode mine(Node n, int count) throws IOException {
        return mine(n, count, 0);
    }

    /**
     * The same, each block's header voting {@code vote} (feature bits): a second apart, so thousands
     * of blocks (a vote window is 2016) stay inside the two hours a timestamp may run ahead of the clock.
     */
    public static BlockNode mine(Node n, int count, int vote) throws IOException {
        return n.call(() -> {
            ChainBuilder b = ChainBuilder.on(n.input(), MINER).voting(vote);
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

    /**
     * Mines {@code blocks} blocks of {@code perBlock} txs each on {@code n}'s head, the txs from a
     * {@link TxWorkload} over {@code keys} keys (deposits and payments, in every shard, many paying
     * across shards), through the node's input as its own blocks; the new tip.
     */
    public static Hash256 mineWorkload(Node n, int blocks, int perBlock, int keys, long seed) throws IOException {
        return n.call(() -> {
            ChainBuilder builder = ChainBuilder.on(n.input(), MINER);
            TxWorkload work = new TxWorkload(keys, seed);
            BlockNode t = n.state().miningHead();
            for (int i = 0; i < blocks; i++) {
                t = builder.mine(
                        t,
                        t.block().tailer().timestamp() + 1,
                        builder.allWithRefs(t, work.nextBlock(perBlock).toArray(new Tx[0])));
            }
            return t.id();
        });
    }

    /** Offers a tx to the node as a wallet would, and announces it if the pool kept it. */
    public static PendingPool.Status submit(Node n, Tx tx) throws IOException {
        return n.call(() -> {
            var s = n.input().submitTx(tx, Origin.LOCAL);
            if (s.admission().kept()) {
                n.network().announce(tx);
            }
            return s.admission().status();
        });
    }

    /** The id of the block the node mines on. */
    public static Hash256 bestId(Node n) throws IOException {
        return n.call(() -> n.state().miningHead().id());
    }

    public static <T> T on(Node n, Callable<T> c) throws IOException {
        return n.call(c);
    }

    public void stop(Node n) {
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
