package org.pettycoin.cli;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.LogNode;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.crypto.Secp256k1;
import org.pettycoin.daemon.Node;
import org.pettycoin.http.HttpEndpoint;
import org.pettycoin.http.NodeHttp;
import org.pettycoin.mining.Miner;
import org.pettycoin.net.SyncStatus;
import org.pettycoin.protocol.Address;
import org.pettycoin.rpc.LogRing;
import org.pettycoin.rpc.RpcClient;
import org.pettycoin.rpc.RpcServer;
import org.pettycoin.store.DataDir;
import org.pettycoin.time.MockTimeClock;
import org.pettycoin.time.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pettycoin devnet}: a local regtest network in one command. N nodes in this process, each in
 * its own data directory with its own JSON-RPC socket (so {@code pettycoin query --pettycoin-dir
 * DIR/node1 getinfo} works), connected to one another, all mining (paced, as the C node paces
 * itself with {@code --developer-test}), with a live status line per node until Ctrl-C. The nodes
 * share one clock, as nodes on one machine do: {@code --mocktime} starts it on another date, and
 * {@code setmocktime} to any node sets it for all of them.
 */
@Command(
        name = "devnet",
        mixinStandardHelpOptions = true,
        description = {
            "Start a local regtest network: N mining nodes on this machine, connected to each",
            "other, each in DIR/nodeK with its own JSON-RPC socket; live status until Ctrl-C."
        })
final class DevnetCommand implements Callable<Integer> {
    /** Blocks/min is measured over this window. */
    private static final long RATE_WINDOW_MILLIS = 60_000;

    private static final int SHORT_ID = 12;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--log-level",
            paramLabel = "LEVEL",
            defaultValue = "unusual",
            description = "as the node's; each line names its node (default: ${DEFAULT-VALUE})")
    private String logLevel;

    @Option(
            names = "--nodes",
            defaultValue = "3",
            paramLabel = "N",
            description = "how many nodes (default: ${DEFAULT-VALUE})")
    private int count;

    @Option(
            names = "--dir",
            defaultValue = "devnet",
            paramLabel = "DIR",
            description = "where the nodes' data directories go (default: ./${DEFAULT-VALUE})")
    private Path dir;

    @Option(
            names = "--mining-threads",
            defaultValue = "1",
            paramLabel = "T",
            description = "hashing threads per node (default: ${DEFAULT-VALUE})")
    private int threads;

    @Option(
            names = "--block-pause",
            defaultValue = "3",
            paramLabel = "SECONDS",
            description = "each node rests this long after each block it mines: regtest blocks take ~256 "
                    + "hashes (default: ${DEFAULT-VALUE})")
    private double pause;

    @Option(
            names = "--until-height",
            paramLabel = "H",
            description = "stop by itself once every node has the same best block at height H or more")
    private Optional<Long> untilHeight = Optional.empty();

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "with --until-height: give up (exit 1) after this long")
    private Optional<Long> timeout = Optional.empty();

    @Option(
            names = MockTime.OPTION,
            paramLabel = "SECONDS",
            defaultValue = "0",
            description = "the nodes' clock starts at this Unix time and runs on with real time (e.g. to go on "
                    + "with a devnet whose chain is older than the 3-day horizon)")
    private long mocktime;

    @Mixin
    private VoteOption votes = new VoteOption();

    @Option(
            names = "--claim",
            description = "each node keeps its reward key as the wallet key of its directory (so 'pettycoin wallet "
                    + "--pettycoin-dir DIR/nodeK claim' works too) and claims its block rewards as they become "
                    + "claimable, printing each claim (once the rewards feature is active)")
    private boolean claim;

    @Option(
            names = "--http-port-base",
            paramLabel = "N",
            description = "serve node K's dashboard (and metrics at /metrics) on 127.0.0.1 port N+K-1 "
                    + "(default: ports the system chooses, printed at start)")
    private Optional<Integer> httpPortBase = Optional.empty();

    /** How often each node looks for rewards to claim, with --claim. */
    private static final long CLAIM_EVERY_SECONDS = 5;

    /** Lines the claim task has for the status loop to print, oldest first. */
    private final ConcurrentLinkedQueue<String> claimLines = new ConcurrentLinkedQueue<>();

    /** The clock every node reads; set in {@link #call}. */
    private MockTimeClock clock;

    /** One running member of the network. */
    private record Member(
            String name,
            Node node,
            RpcServer rpc,
            HttpEndpoint http,
            Miner miner,
            PrivateKey key,
            Address reward,
            Deque<long[]> history) {}

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > 16) {
            throw new UserError("--nodes must be 1..16");
        }
        if (threads < 1 || pause < 0) {
            throw new UserError("--mining-threads must be at least 1 and --block-pause not negative");
        }
        if (httpPortBase.isPresent() && (httpPortBase.get() < 1 || httpPortBase.get() + count - 1 > 65535)) {
            throw new UserError("--http-port-base must leave ports 1..65535 for " + count + " nodes");
        }
        int voteBits = votes.bits();
        clock = MockTime.clock(mocktime);
        Logging.configure(Logging.parse(logLevel), "", true);
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        List<Member> members = new ArrayList<>();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop.countDown();
                            try {
                                stopped.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "devnet-shutdown"));
        int exit = 0;
        ScheduledExecutorService claimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "devnet-claims");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> claims = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                members.add(startMember("node" + i, members, stop, voteBits));
            }
            out.printf(
                    "devnet: %d regtest nodes in %s (query one with: pettycoin query --pettycoin-dir %s getinfo)%n",
                    count, dir, dir.resolve("node1"));
            if (voteBits != 0) {
                out.printf("  every miner votes for %s%n", VoteOption.names(voteBits));
            }
            for (Member m : members) {
                out.printf(
                        "  %s  port %d  mining to %s%n",
                        m.name(), m.node().port(), AddressCodec.encode(m.reward(), AddressStyle.PETTYCOIN_TEST));
            }
            for (Member m : members) {
                String web = "http://" + m.http().address().getHostString() + ":"
                        + m.http().address().getPort() + "/";
                out.printf("  %s  dashboard at %s  metrics at %smetrics%n", m.name(), web, web);
            }
            out.flush();
            if (claim) {
                for (Member m : members) {
                    // The task catches what it can fail with and says so, so the future holds nothing to check.
                    claims.add(
                            claimer.scheduleWithFixedDelay(new ClaimTask(m), 1, CLAIM_EVERY_SECONDS, TimeUnit.SECONDS));
                }
            }
            exit = statusLoop(out, members, stop);
        } finally {
            claims.forEach(f -> f.cancel(true));
            claimer.shutdownNow();
            for (Member m : members) {
                m.miner().close();
                m.http().close();
                m.rpc().close();
            }
            for (Member m : members) {
                m.node().close();
            }
            out.println("devnet: stopped");
            out.flush();
            stopped.countDown();
        }
        return exit;
    }

    private Member startMember(String name, List<Member> earlier, CountDownLatch stop, int voteBits)
            throws IOException {
        // Every thread this member starts carries its name, so its log lines and getlog are its own.
        LogNode.set(Optional.of(name));
        try {
            return start(name, earlier, stop, voteBits);
        } finally {
            LogNode.set(Optional.empty());
        }
    }

    private Member start(String name, List<Member> earlier, CountDownLatch stop, int voteBits) throws IOException {
        Path data = dir.resolve(name);
        java.nio.file.Files.createDirectories(dir);
        List<InetSocketAddress> peers = new ArrayList<>();
        for (Member m : earlier) {
            peers.add(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), m.node().port()));
        }
        Node node = Node.start(Node.Options.of(Network.REGTEST, data, 0, peers)
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withClock(clock)
                .withVotes(voteBits));
        PrivateKey key = claim ? WalletCommand.keyIn(data) : PrivateKey.random(new SecureRandom());
        Address reward = Hash160.addressOf(Secp256k1.get().publicKeyOf(key));
        RpcServer rpc = RpcServer.start(
                data.resolve(DataDir.RPC_FILE_NAME),
                node,
                stop::countDown,
                MiningSetup.generator(node, Network.REGTEST, Optional.of(reward)));
        Miner miner = MiningSetup.start(node, reward, threads, Duration.ofMillis((long) (pause * 1000)));
        int port = httpPortBase.map(b -> b + earlier.size()).orElse(0);
        HttpEndpoint http;
        try {
            http = NodeHttp.start(
                    node,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    new NodeHttp.Extras(name, Optional.of(miner), LogRing.install()));
        } catch (IOException e) {
            miner.close();
            rpc.close();
            node.close();
            throw new UserError("cannot serve HTTP for " + name + " on port " + port + ": " + e.getMessage());
        }
        return new Member(name, node, rpc, http, miner, key, reward, new ArrayDeque<>());
    }

    /**
     * One node's claims (--claim): every few seconds, whatever its wallet claim would send, through its
     * own JSON-RPC socket; a line for each claim, and one when the feature's state changes.
     */
    private final class ClaimTask implements Runnable {
        private final Member member;
        private String lastNotice = "";

        ClaimTask(Member member) {
            this.member = member;
        }

        @Override
        public void run() {
            try (RpcClient c = RpcClient.connect(member.rpc().socket())) {
                RewardClaims.Outcome o = RewardClaims.claimAll(
                        member.key(), (method, params) -> c.call(method, TextNode.valueOf("devnet"), params));
                if (o instanceof RewardClaims.NotActive) {
                    String notice = RewardClaims.describe(o).get(0);
                    if (!notice.equals(lastNotice)) {
                        claimLines.add(member.name() + ": " + notice);
                        lastNotice = notice;
                    }
                    return;
                }
                lastNotice = "";
                for (String line : RewardClaims.describe(o)) {
                    if (!line.equals("nothing to claim")) {
                        claimLines.add(member.name() + ": " + line);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The node may be stopping; the next round tries again.
                claimLines.add(member.name() + ": claiming failed: " + e.getMessage());
            }
        }
    }

    /** Redraws one line per node every second (in place on a terminal) until told to stop. */
    /** A node's sync in the figures its progress lines and its dashboard give. */
    static String syncing(SyncStatus s) {
        Progress.Figures f = s.figures();
        StringBuilder b = new StringBuilder(
                String.format(Locale.ROOT, "  syncing to %d, %.0f blocks/s", s.targetHeight(), f.perSecond()));
        f.fraction().ifPresent(x -> b.append(String.format(Locale.ROOT, ", %.1f%%", x * 100)));
        f.etaSeconds().ifPresent(x -> b.append(String.format(Locale.ROOT, ", about %.0f s left", x)));
        return b.toString();
    }

    private int statusLoop(PrintWriter out, List<Member> members, CountDownLatch stop) throws Exception {
        // On Java 17 System.console() is null unless both ends are a terminal.
        @SuppressWarnings("SystemConsoleNull")
        boolean terminal = System.console() != null;
        long started = clock.monotonicMillis();
        boolean first = true;
        while (!stop.await(1, TimeUnit.SECONDS)) {
            List<String> lines = new ArrayList<>();
            String commonTip = null;
            long minHeight = Long.MAX_VALUE;
            boolean same = true;
            for (Member m : members) {
                long now = clock.monotonicMillis();
                BlockNode tip = m.node().call(() -> m.node().state().miningHead());
                int peers = m.node().call(() -> m.node().network().peerCount());
                Optional<SyncStatus> sync =
                        m.node().call(() -> m.node().network().syncStatus());
                m.history().addLast(new long[] {now, tip.height()});
                while (m.history().size() > 1 && now - m.history().peekFirst()[0] > RATE_WINDOW_MILLIS) {
                    m.history().removeFirst();
                }
                long[] oldest = m.history().peekFirst();
                double minutes = Math.max(1e-9, (now - oldest[0]) / 60000.0);
                double perMin = (tip.height() - oldest[1]) / minutes;
                lines.add(String.format(
                                "%-7s height %6d  tip %s  peers %d  %6.1f blocks/min  mined %d",
                                m.name(),
                                tip.height(),
                                tip.id().hex().substring(0, SHORT_ID),
                                peers,
                                now == oldest[0] ? 0.0 : perMin,
                                m.miner().stats().blocksMined())
                        + sync.map(DevnetCommand::syncing).orElse(""));
                String id = tip.id().hex();
                same &= commonTip == null || commonTip.equals(id);
                commonTip = id;
                minHeight = Math.min(minHeight, tip.height());
            }
            if (terminal && !first) {
                out.printf("\u001b[%dA", lines.size());
            }
            // Claim lines scroll above the status lines, which are redrawn below them.
            for (String c = claimLines.poll(); c != null; c = claimLines.poll()) {
                out.println(terminal ? c + "\u001b[K" : c);
            }
            for (String l : lines) {
                out.println(terminal ? l + "\u001b[K" : l);
            }
            if (!terminal) {
                out.println();
            }
            out.flush();
            first = false;
            if (untilHeight.isPresent() && same && minHeight >= untilHeight.get()) {
                out.printf("devnet: every node has block %s at height %d%n", commonTip, minHeight);
                return 0;
            }
            if (timeout.isPresent() && clock.monotonicMillis() - started > timeout.get() * 1000) {
                out.println("devnet: gave up after " + timeout.get() + " s");
                return 1;
            }
        }
        return 0;
    }
}
