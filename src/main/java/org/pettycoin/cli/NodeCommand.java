package org.pettycoin.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.pettycoin.chain.Interests;
import org.pettycoin.chain.Network;
import org.pettycoin.daemon.Node;
import org.pettycoin.http.HttpEndpoint;
import org.pettycoin.http.NodeHttp;
import org.pettycoin.mining.Miner;
import org.pettycoin.net.DnsSeed;
import org.pettycoin.net.Seeder;
import org.pettycoin.protocol.Address;
import org.pettycoin.rpc.LogRing;
import org.pettycoin.rpc.RpcServer;
import org.pettycoin.store.ConfigFile;
import org.pettycoin.store.ConfigFileException;
import org.pettycoin.store.DataDir;
import org.pettycoin.time.MockTimeClock;
import org.pettycoin.time.NodeClock;
import org.pettycoin.time.SystemClock;
import org.pettycoin.transport.PeerLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pettycoin node}: the daemon (C's pettycoin.c). Options keep the C node's names; the
 * data directory's {@code config} file holds the same long options without {@code --}, one per line,
 * and the command line overrides it. Ctrl-C or SIGTERM stops it cleanly (blockfile synced).
 */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        description = {
            "Run a pettycoin node: load the blockfile, listen for peers, dial peers, sync and relay.",
            "Options may also be given in DIR/config, one per line without '--' (e.g. 'port=8323');",
            "the command line wins. Stop with Ctrl-C or SIGTERM."
        })
final class NodeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(NodeCommand.class);
    /** How long a SIGTERM waits for the clean stop (blockfile synced) before the JVM ends anyway. */
    private static final long SHUTDOWN_WAIT_SECS = 30;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--pettycoin-dir",
            paramLabel = "DIR",
            description = "data directory (default: $HOME/.pettycoin); created mode 0700 if missing")
    private Path dir;

    @Option(
            names = "--network",
            paramLabel = "NETWORK",
            defaultValue = "testnet",
            description = "testnet (the C node's network) or regtest (default: ${DEFAULT-VALUE})")
    private String network;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "0",
            description = "port to listen on; 0 lets the system choose (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(
            names = "--connect",
            paramLabel = "HOST:PORT",
            description = "connect to this node (repeatable); peers are then not sought elsewhere")
    private List<String> connect = new ArrayList<>();

    @Option(
            names = "--seeding",
            description = "stay up when no peer can be found, asking the seeds again now and then "
                    + "(without it the node exits, as C does)")
    private boolean seeding;

    @Option(
            names = "--dns-seed",
            paramLabel = "HOST:PORT",
            description = "seed server asked for peers when there is no --connect and the peer cache has none "
                    + "left (repeatable; default: peers.pettycoin.org:9000 on testnet, as C, none on regtest); "
                    + "'none' asks none")
    private List<String> dnsSeeds = new ArrayList<>();

    @Option(
            names = "--max-peers",
            paramLabel = "N",
            defaultValue = "" + PeerLimits.MAX_PEERS,
            description = "most connections at once, inbound and outbound, 1.." + PeerLimits.MAX_MAX_PEERS
                    + "; one address may hold " + PeerLimits.MAX_INBOUND_PER_ADDRESS
                    + " inbound (default: ${DEFAULT-VALUE}, C's MAX_PEERS)")
    private int maxPeers;

    @Option(
            names = "--reward-address",
            paramLabel = "ADDR",
            description = "address that block rewards go to; setting it enables mining")
    private String rewardAddress;

    @Option(
            names = "--block-pause",
            paramLabel = "SECONDS",
            defaultValue = "0",
            description = "with --reward-address: rest this long after each block mined (regtest blocks take "
                    + "~256 hashes, so a regtest miner otherwise mines hundreds a second; default: ${DEFAULT-VALUE})")
    private double blockPause;

    @Option(
            names = "--shards",
            paramLabel = "LIST",
            description = "hold only these of the shards 0..3, e.g. 0,1 (default: all): of the others the node keeps "
                    + "only hashes and the txs paying into its shards; a partial node cannot mine")
    private String shards;

    @Option(
            names = "--mining-threads",
            paramLabel = "N",
            description = "threads hashing when mining (default: all cores but one, at least one)")
    private Integer miningThreads;

    @Option(
            names = "--rpc-file",
            paramLabel = "FILE",
            defaultValue = DataDir.RPC_FILE_NAME,
            description =
                    "JSON-RPC unix socket, relative to the data directory; \"\" disables (default: ${DEFAULT-VALUE})")
    private String rpcFile;

    @Option(
            names = "--log-level",
            paramLabel = "LEVEL",
            defaultValue = "info",
            description = Logging.HELP + " (default: ${DEFAULT-VALUE})")
    private String logLevel;

    @Option(
            names = "--log-prefix",
            paramLabel = "TEXT",
            defaultValue = "",
            description = "text put before every log line")
    private String logPrefix;

    @Option(
            names = MockTime.OPTION,
            paramLabel = "SECONDS",
            description = "regtest only: the node's clock starts at this Unix time and runs on with real time "
                    + "(to run a chain from that date); the setmocktime RPC sets it later")
    private Long mocktime;

    @Option(
            names = "--developer-test",
            description = "find peers in, and add this node to, the data directory's 'addresses' file")
    private boolean developerTest;

    @Mixin
    private CNodeOptions cOptions = new CNodeOptions();

    @Mixin
    private VoteOption votes = new VoteOption();

    @Mixin
    private HttpOptions http = new HttpOptions();

    /** Set once the config file has been read, so it is read once. */
    private boolean configApplied;
    /** The config file named a data directory, which (as in C) is chosen before the file is read. */
    private boolean configNamedDir;

    @Override
    public Integer call() throws Exception {
        Path dataDir = dir != null ? dir : DataDir.defaultPath(System.getenv());
        if (!configApplied) {
            List<String> fromFile = configArguments(dataDir);
            if (!fromFile.isEmpty()) {
                return reparseWith(fromFile);
            }
        }
        Logging.configure(Logging.parse(logLevel), logPrefix);
        cOptions.warnIgnored();
        if (configNamedDir) {
            LOG.warn(
                    "pettycoin-dir in {} ignored: the directory is chosen before its config is read",
                    dataDir.resolve(ConfigFile.FILE_NAME));
        }
        Network net = GenesisCommand.parseNetwork(network);
        NodeClock clock = clockFor(net);
        if (port < 0 || port > 65535) {
            throw new UserError("--port must be 0..65535");
        }
        List<InetSocketAddress> peers = new ArrayList<>();
        for (String c : connect) {
            peers.add(hostPort(c));
        }
        Optional<Address> reward = Optional.empty();
        if (rewardAddress != null && !rewardAddress.isEmpty()) {
            reward = Optional.of(TxArgs.address(rewardAddress, "--reward-address"));
        }
        Interests held = Interests.ALL;
        if (shards != null) {
            try {
                held = Interests.parse(shards);
            } catch (IllegalArgumentException e) {
                throw UserError.usage("--shards: " + e.getMessage());
            }
        }
        int voteBits = votes.bits();
        if (votes.any() && reward.isEmpty()) {
            LOG.warn("--vote without --reward-address: a node that does not mine casts no vote");
        }
        if (reward.isPresent() && !held.holdsAll()) {
            throw UserError.usage("--shards " + held
                    + " cannot go with --reward-address: mining needs every shard (a block's prev_txhashes)");
        }
        if (maxPeers < 1 || maxPeers > PeerLimits.MAX_MAX_PEERS) {
            throw new UserError("--max-peers must be 1.." + PeerLimits.MAX_MAX_PEERS);
        }
        Seeder.Config seeds;
        try {
            seeds = new Seeder.Config(DnsSeed.parseAll(dnsSeeds, net), seeding);
        } catch (IllegalArgumentException e) {
            throw new UserError("--dns-seed: " + e.getMessage());
        }
        Optional<InetSocketAddress> httpAt = http.address();
        int threads = miningThreads == null ? Miner.defaultThreads() : miningThreads;
        if (threads < 1) {
            throw new UserError("--mining-threads must be at least 1");
        }
        if (!(blockPause >= 0)) {
            throw new UserError("--block-pause must not be negative");
        }
        try {
            DataDir.open(dataDir);
        } catch (IOException e) {
            throw new UserError("cannot use data directory " + dataDir + ": " + e.getMessage());
        }
        Node.Options options = Node.Options.of(net, dataDir, port, peers)
                .withDeveloperTest(developerTest)
                .withClock(clock)
                .withChain(cOptions.chainConfig())
                .withShards(held)
                .withVotes(voteBits);
        options = options.withTransport(
                options.transport().withLimits(PeerLimits.defaults().withMaxPeers(maxPeers)));
        // Registered before anything starts, so that a SIGTERM at any moment gets the clean stop.
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop.countDown();
                            try {
                                stopped.await(SHUTDOWN_WAIT_SECS, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "shutdown"));
        Node node;
        try {
            node = Node.start(options, seeds);
        } catch (IOException e) {
            stopped.countDown();
            throw new UserError("cannot start: " + e.getMessage());
        }
        Optional<RpcServer> rpc = Optional.empty();
        try {
            if (!rpcFile.isEmpty()) {
                Path socket = dataDir.resolve(CNodeOptions.rpcSocket(rpcFile));
                rpc = Optional.of(
                        RpcServer.start(socket, node, stop::countDown, MiningSetup.generator(node, net, reward)));
            }
        } catch (IOException e) {
            node.close();
            stopped.countDown();
            throw new UserError("cannot serve JSON-RPC: " + e.getMessage());
        }
        Optional<Miner> miner =
                reward.map(a -> MiningSetup.start(node, a, threads, Duration.ofMillis((long) (blockPause * 1000))));
        Optional<HttpEndpoint> web;
        try {
            web = HttpOptions.start(
                    node,
                    httpAt,
                    new NodeHttp.Extras(dataDir.getFileName() + " (" + net.cliName() + ")", miner, LogRing.install()));
        } catch (UserError e) {
            miner.ifPresent(Miner::close);
            rpc.ifPresent(RpcServer::close);
            node.close();
            stopped.countDown();
            throw e;
        }
        LOG.info("pettycoin node on {} in {}, port {}, uuid {}", net.cliName(), dataDir, node.port(), node.uuid());
        if (!held.holdsAll()) {
            LOG.info("holding shards {} only", held);
        }
        if (reward.isPresent() && voteBits != 0) {
            LOG.info("our blocks vote for {}", VoteOption.names(options.castVotes()));
        }
        if (peers.isEmpty()) {
            LOG.info(
                    "no --connect given: peers come from the peer cache, then {}",
                    developerTest
                            ? "the addresses file"
                            : seeds.dnsSeeds().isEmpty() ? "nowhere (no --dns-seed)" : "the seeds " + seeds.dnsSeeds());
        }
        wakeOnFailure(node, stop);
        stop.await();
        LOG.info("shutting down");
        miner.ifPresent(Miner::close);
        web.ifPresent(HttpEndpoint::close);
        rpc.ifPresent(RpcServer::close);
        node.close();
        stopped.countDown();
        if (node.failure().isDone()) {
            throw new UserError("stopped: " + node.failure().join());
        }
        return 0;
    }

    /** On regtest a clock that {@code --mocktime} or {@code setmocktime} can set; elsewhere the system's. */
    private NodeClock clockFor(Network net) {
        if (net != Network.REGTEST) {
            if (mocktime != null) {
                throw UserError.usage(
                        MockTime.OPTION + " needs --network regtest (this node is on " + net.cliName() + ")");
            }
            return SystemClock.INSTANCE;
        }
        MockTimeClock c = MockTime.clock(mocktime == null ? 0 : mocktime);
        if (c.mockTime() != 0) {
            LOG.info("mock time: the clock starts at {}", MockTime.shown(c.mockTime()));
        }
        return c;
    }

    private static List<String> configArguments(Path dataDir) {
        try {
            return ConfigFile.arguments(dataDir.resolve(ConfigFile.FILE_NAME));
        } catch (ConfigFileException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot read " + dataDir.resolve(ConfigFile.FILE_NAME) + ": " + e.getMessage());
        }
    }

    /** Parses the config file's options then the real command line (which wins) into a fresh command. */
    private int reparseWith(List<String> fromFile) throws Exception {
        List<String> all = new ArrayList<>(fromFile);
        // The parse result holds the whole command line from the top command: keep what follows "node".
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        int self = original.indexOf(spec.name());
        all.addAll(original.subList(self + 1, original.size()));
        NodeCommand fresh = new NodeCommand();
        fresh.configApplied = true;
        CommandLine cl = new CommandLine(fresh);
        cl.setOverwrittenOptionsAllowed(true);
        try {
            cl.parseArgs(all.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw new UserError("in the config file or command line: " + e.getMessage());
        }
        fresh.dir = dir;
        fresh.configNamedDir = fromFile.stream().anyMatch(a -> a.startsWith("--pettycoin-dir"));
        return fresh.call();
    }

    static InetSocketAddress hostPort(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new UserError("--connect needs HOST:PORT, not '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int p;
        try {
            p = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UserError("--connect: bad port in '" + text + "'");
        }
        if (p < 1 || p > 65535) {
            throw new UserError("--connect: port must be 1..65535 in '" + text + "'");
        }
        InetSocketAddress a = new InetSocketAddress(host, p);
        if (a.isUnresolved()) {
            throw new UserError("--connect: cannot resolve '" + host + "'");
        }
        return a;
    }

    // Only a wake-up: why the node failed is read from failure() itself afterwards.
    @SuppressWarnings("FutureReturnValueIgnored")
    private static void wakeOnFailure(Node node, CountDownLatch stop) {
        node.failure().thenRun(stop::countDown);
    }
}
