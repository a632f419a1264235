package org.pettycoin.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pettycoin.bench.BenchChains;
import org.pettycoin.bench.DelayProxy;
import org.pettycoin.bench.RpcProbe;
import org.pettycoin.store.DataDir;

/**
 * {@code pettycoin node} processes on 127.0.0.1 for one benchmark measurement, each in its own JVM
 * (its own JIT and heap, as nodes run for real): regtest, {@code --mocktime} so pre-built chains are
 * inside the horizon, data directories under one directory, watched through their log and their
 * RPC socket. Links between them are direct or through a {@link DelayProxy} in this process.
 * Closing stops every node (last started first, SIGTERM then kill), then every proxy.
 */
final class ChildNodes implements AutoCloseable {
    /** In a child's JVM option, replaced by the node's name (e.g. run1-a), so each node gets its own file. */
    static final String NODE_NAME = "{node}";

    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
    /** How often a child's log is read while waiting for a line: it bounds the error of a start time. */
    private static final long LOG_POLL_MILLIS = 5;

    private final Path dir;
    private final long mocktime;
    private final List<String> jvmOptions;
    private final List<Child> children = new ArrayList<>();
    private final List<DelayProxy> proxies = new ArrayList<>();

    ChildNodes(Path dir, long mocktime, List<String> jvmOptions) {
        this.dir = dir;
        this.mocktime = mocktime;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** A started node: its JVM, data directory and RPC. */
    record Child(String name, ChildJvm.Running jvm, Path dataDir, RpcProbe rpc) {
        /**
         * Waits for the node's "listening on port" line, written once its blockfile is replayed and
         * just before it dials its {@code --connect} peers.
         *
         * @return its port and the {@link System#nanoTime()} at which the line was seen
         */
        Listening awaitListening(Duration limit) throws IOException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                Matcher m = LISTENING.matcher(jvm.output());
                long now = System.nanoTime();
                if (m.find()) {
                    return new Listening(Integer.parseInt(m.group(1)), now);
                }
                if (!jvm.process().isAlive()) {
                    throw new IOException(
                            "node " + name + " exited " + jvm.process().exitValue() + ":\n" + tail());
                }
                if (now - deadline >= 0) {
                    throw new IOException("node " + name + " not listening after " + limit + ":\n" + tail());
                }
                sleep(LOG_POLL_MILLIS);
            }
        }

        /** Waits for the RPC socket to answer (it opens just after the node listens). */
        void awaitRpc(Duration limit) throws IOException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!rpc.answers()) {
                if (!jvm.process().isAlive() || System.nanoTime() - deadline >= 0) {
                    throw new IOException("node " + name + " has no RPC:\n" + tail());
                }
                sleep(LOG_POLL_MILLIS);
            }
        }

        /** The end of its log, for a failure's message. */
        String tail() throws IOException {
            String all = jvm.output();
            return all.substring(Math.max(0, all.length() - 4000));
        }
    }

    record Listening(int port, long seenNanos) {}

    /** Starts {@code pettycoin node} in {@code dir/name}, from a copy of {@code blockfile} if given, dialling {@code connect}. */
    Child start(String name, Optional<Path> blockfile, Optional<InetSocketAddress> connect) throws IOException {
        Path data = dir.resolve(name);
        if (blockfile.isPresent()) {
            BenchChains.install(blockfile.get(), data);
        } else {
            Files.createDirectories(data);
        }
        List<String> args = new ArrayList<>(List.of(
                "node",
                "--network",
                "regtest",
                MockTime.OPTION,
                Long.toString(mocktime),
                "--pettycoin-dir",
                data.toString(),
                "--port",
                "0",
                // The node holding the chain has no peer to dial: it must wait for one, not exit.
                "--seeding",
                "--dns-seed",
                "none"));
        connect.ifPresent(a -> args.addAll(List.of("--connect", a.getHostString() + ":" + a.getPort())));
        // Each node its own recording or log: JDK 17's -XX:StartFlightRecording knows no %p.
        String node = dir.getFileName() + "-" + name;
        List<String> options =
                jvmOptions.stream().map(o -> o.replace(NODE_NAME, node)).toList();
        ChildJvm.Running jvm = ChildJvm.start(options, dir.resolve(name + ".log"), args);
        Child c = new Child(name, jvm, data, new RpcProbe(data.resolve(DataDir.RPC_FILE_NAME)));
        children.add(c);
        return c;
    }

    /** Where to dial a node listening on {@code port}: the port itself, or a new proxy adding {@code latency} each way. */
    InetSocketAddress route(int port, Optional<Duration> latency) throws IOException {
        InetSocketAddress direct = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (latency.isEmpty()) {
            return direct;
        }
        DelayProxy p = DelayProxy.start(direct, latency.get());
        proxies.add(p);
        return p.address();
    }

    @Override
    public void close() {
        for (int i = children.size() - 1; i >= 0; i--) {
            children.get(i).rpc().close();
            children.get(i).jvm().close();
        }
        children.clear();
        proxies.forEach(DelayProxy::close);
        proxies.clear();
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
