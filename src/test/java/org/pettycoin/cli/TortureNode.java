package org.pettycoin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pettycoin.rpc.RpcClient;
import org.pettycoin.store.Blockfile;
import org.pettycoin.store.DataDir;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.NodeProcess;

/**
 * One node of the crash harness: a {@code pettycoin node} process started again and again on the
 * same data directory, each run logging to a file of its own. It remembers every block the node
 * reported over JSON-RPC (getinfo's height, then getblockhash at each height), so that a restart
 * can be held to them, and the blockfile length the node last logged as synced (its durable floor).
 */
final class TortureNode implements AutoCloseable {
    /** Blockfile.sync's debug line (subsystem store): the bytes a power cut cannot take back. */
    private static final Pattern SYNCED = Pattern.compile("synced to (\\d+) bytes");
    /** Node.init's line once the replay is done. */
    private static final Pattern REPLAY = Pattern.compile("blockfile: (\\d+) blocks, \\d+ txs in (\\d+) ms");
    /** Heights below the last recorded top asked again, for a fork that came in late. */
    private static final long REASK = 8;
    /** Requests written before their answers are read: one round trip per batch, not per height. */
    private static final int BATCH = 256;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How one start went: how long until JSON-RPC answered, and what the replay said. */
    record Start(Duration toRpc, long replayMillis, long replayedBlocks) {}

    private final String name;
    private final Path dataDir;
    private final Path logDir;
    private final Supplier<List<String>> args;
    private final Duration startLimit;
    /** Block id to height, of every block this node reported and must keep. */
    private final Map<String, Long> reported = new HashMap<>();

    private long recordedTop;
    private long durableFloor;
    private int runs;
    private Optional<NodeProcess> process = Optional.empty();

    /** {@code args} are asked for at each start (the mock time moves on between runs). */
    TortureNode(String name, Path dataDir, Path logDir, Supplier<List<String>> args, Duration startLimit) {
        this.name = name;
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.args = args;
        this.startLimit = startLimit;
    }

    String name() {
        return name;
    }

    Path blockfile() {
        return dataDir.resolve(Blockfile.FILE_NAME);
    }

    Path dataDir() {
        return dataDir;
    }

    private Path socket() {
        return dataDir.resolve(DataDir.RPC_FILE_NAME);
    }

    private NodeProcess running() {
        return process.orElseThrow(() -> new IllegalStateException(name + " is not running"));
    }

    /** Starts a run and does not wait for it: for a kill while it starts (replaying, truncating, binding). */
    void spawn() throws IOException {
        if (process.isPresent()) {
            throw new IllegalStateException(name + " is running already");
        }
        runs++;
        Path log = logDir.resolve(name + "-" + runs + ".log");
        process = Optional.of(
                NodeProcess.start(log, List.of("-Xmx256m"), args.get().toArray(String[]::new)));
    }

    /** Starts a run; fails unless it answers getinfo within the start limit (or if it exits first). */
    Start start() throws Exception {
        long t0 = System.nanoTime();
        spawn();
        NodeProcess p = running();
        Optional<Boolean> up = Await.value(startLimit, () -> {
            if (!p.isAlive()) {
                throw new AssertionError(name + " run " + runs + " exited ("
                        + p.process().exitValue() + ") while starting:\n" + p.output());
            }
            return answersGetinfo() ? Optional.of(true) : Optional.empty();
        });
        if (up.isEmpty()) {
            throw new AssertionError(
                    name + " run " + runs + " did not answer JSON-RPC within " + startLimit + ":\n" + p.output());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        Matcher m = REPLAY.matcher(p.output());
        if (!m.find()) {
            throw new AssertionError(name + " run " + runs + " logged no replay line:\n" + p.output());
        }
        return new Start(took, Long.parseLong(m.group(2)), Long.parseLong(m.group(1)));
    }

    private boolean answersGetinfo() {
        if (!Files.exists(socket())) {
            return false;
        }
        try (RpcClient c = RpcClient.connect(socket())) {
            return c.call("getinfo", JSON.getNodeFactory().numberNode(0), JSON.createArrayNode())
                    .ok();
        } catch (IOException e) {
            return false; // the stale socket of the killed run, or not bound yet
        }
    }

    /** SIGKILL, at whatever moment this is; first takes the floor the run logged as synced. */
    void kill() throws Exception {
        NodeProcess p = running();
        if (!p.kill(Duration.ofSeconds(30))) {
            throw new AssertionError(name + " outlived SIGKILL");
        }
        process = Optional.empty();
        durableFloor = lastSynced(p.output()).orElse(durableFloor);
    }

    /** SIGTERM and the clean stop (blockfile synced); fails if it does not stop in time or did not stop cleanly. */
    void stop() throws Exception {
        NodeProcess p = running();
        if (!p.stop(Duration.ofSeconds(60))) {
            throw new AssertionError(name + " did not stop on SIGTERM:\n" + p.output());
        }
        process = Optional.empty();
        String out = p.output();
        if (!out.contains("stopped") || out.contains("closing the blockfile")) {
            throw new AssertionError(name + " did not stop cleanly:\n" + out);
        }
    }

    boolean isAlive() {
        return process.map(NodeProcess::isAlive).orElse(false);
    }

    /** The blockfile length known to be on the device: what the last killed run logged as synced. */
    long durableFloor() {
        return durableFloor;
    }

    /** After a cut the whole file left is what the node starts from (its replay forces what it truncates). */
    void cutTo(long length) {
        durableFloor = length;
    }

    private static Optional<Long> lastSynced(String log) {
        Matcher m = SYNCED.matcher(log);
        Optional<Long> last = Optional.empty();
        while (m.find()) {
            last = Optional.of(Long.parseLong(m.group(1)));
        }
        return last;
    }

    /** Every block this node has reported, id to height. */
    Map<String, Long> reported() {
        return Map.copyOf(reported);
    }

    /** After a power cut: the node must keep only these from now on (the rest died with the cut). */
    void keepOnly(Map<String, Long> blocks) {
        reported.keySet().retainAll(blocks.keySet());
        reported.putAll(blocks);
        recordedTop =
                reported.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Asks the running node for its height and the blocks at each height since the last record; remembers them. */
    int record() throws IOException {
        try (RpcClient c = RpcClient.connect(socket())) {
            long top = result(c.call("getinfo", JSON.getNodeFactory().numberNode(0), JSON.createArrayNode()))
                    .get("preferred_chain")
                    .get("height")
                    .asLong();
            List<Long> heights = new ArrayList<>();
            for (long h = Math.max(0, recordedTop - REASK); h <= top; h++) {
                heights.add(h);
            }
            int added = 0;
            for (Map.Entry<Long, Set<String>> e : idsAt(c, heights).entrySet()) {
                for (String id : e.getValue()) {
                    if (reported.putIfAbsent(id, e.getKey()) == null) {
                        added++;
                    }
                }
            }
            recordedTop = Math.max(recordedTop, top);
            return added;
        }
    }

    /** The node's best height. */
    long height() throws IOException {
        try (RpcClient c = RpcClient.connect(socket())) {
            return result(c.call("getinfo", JSON.getNodeFactory().numberNode(0), JSON.createArrayNode()))
                    .get("preferred_chain")
                    .get("height")
                    .asLong();
        }
    }

    /** Which of {@code blocks} (id to height) the running node does not know. */
    Set<String> missing(Map<String, Long> blocks) throws IOException {
        Set<String> known = new HashSet<>();
        try (RpcClient c = RpcClient.connect(socket())) {
            idsAt(c, List.copyOf(new HashSet<>(blocks.values()))).values().forEach(known::addAll);
        }
        Set<String> gone = new HashSet<>(blocks.keySet());
        gone.removeAll(known);
        return gone;
    }

    /** getblockhash at each height, the requests written a batch at a time before the answers are read. */
    private static Map<Long, Set<String>> idsAt(RpcClient c, List<Long> heights) throws IOException {
        Map<Long, Set<String>> out = new TreeMap<>();
        for (int from = 0; from < heights.size(); from += BATCH) {
            List<Long> batch = heights.subList(from, Math.min(heights.size(), from + BATCH));
            StringBuilder text = new StringBuilder();
            for (long h : batch) {
                ObjectNode req = JSON.createObjectNode();
                req.put("method", "getblockhash");
                req.put("id", h);
                req.set("params", JSON.createArrayNode().add(h));
                text.append(JSON.writeValueAsString(req));
            }
            c.send(text.toString());
            for (long h : batch) {
                RpcClient.Response r = c.read();
                if (r.id().asLong() != h) {
                    throw new IOException("answer for " + r.id() + " where " + h + " was due");
                }
                Set<String> ids = new HashSet<>();
                for (JsonNode id : (ArrayNode) result(r)) {
                    ids.add(id.asText());
                }
                out.put(h, ids);
            }
        }
        return out;
    }

    private static JsonNode result(RpcClient.Response r) throws IOException {
        if (!r.ok()) {
            throw new IOException("JSON-RPC error: " + r.error().get());
        }
        return r.result();
    }

    /** The current run's log so far (empty if none is running). */
    String output() throws IOException {
        return process.isPresent() ? running().output() : "";
    }

    /** Kills the run if there is one and waits for it to be gone, so its directory can be deleted. */
    @Override
    public void close() {
        if (process.isPresent()) {
            try {
                process.get().kill(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // SIGKILL is sent; only the wait is cut short
            }
            process = Optional.empty();
        }
    }
}
