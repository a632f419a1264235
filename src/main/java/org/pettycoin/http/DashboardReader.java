package org.pettycoin.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.ChainHeads;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.DetachedBlockPool;
import org.pettycoin.daemon.Node;
import org.pettycoin.mining.Miner;
import org.pettycoin.net.PeerInfo;
import org.pettycoin.net.SyncStatus;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.rpc.LogRing;
import org.pettycoin.time.Progress;

/**
 * Reads what the dashboard page shows of one node, as one JSON object (the shape is in
 * {@code docs/dashboard.md}): the block tree of the last {@link #HEIGHTS} heights with every branch, the
 * heads, the detached blocks, the peers, the sync, the pending pool, in one visit to the node thread
 * so that they agree; then the miner's counters and the log's tail, which are read where they are.
 *
 * <p>Everything is bounded: at most {@link #MAX_TREE_BLOCKS} blocks of the tree, {@link
 * #MAX_DETACHED} detached ones, {@link #LOG_LINES} log lines, whatever the node holds. Safe on any
 * thread; the miner's rate is measured between two reads.
 */
final class DashboardReader {
    /** How many heights of the tree, ending at the highest block. */
    static final int HEIGHTS = 100;
    /** A tree window with more blocks than this (a flood of side branches) is cut, and says so. */
    static final int MAX_TREE_BLOCKS = 2_000;

    static final int MAX_DETACHED = 200;
    static final int LOG_LINES = 40;
    /** The miner's rate is measured over at least this long, however often the page reads. */
    private static final long RATE_NANOS = 1_000_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Node node;
    private final Optional<Miner> miner;
    private final Optional<LogRing> log;
    /** The miner's hash count when its rate was last measured, and when; at least a second apart. */
    private long lastHashes = -1;

    private long lastNanos;
    private double hashesPerSecond = -1;

    DashboardReader(String name, Node node, Optional<Miner> miner, Optional<LogRing> log) {
        this.name = name;
        this.node = node;
        this.miner = miner;
        this.log = log;
    }

    /** The page's JSON, UTF-8. */
    byte[] readJson() throws IOException {
        return JSON.writeValueAsBytes(read());
    }

    /** The page's JSON; the node thread answers within its call timeout, or this throws. */
    ObjectNode read() throws IOException {
        ObjectNode o = node.call(this::onNodeThread);
        o.set("miner", miner());
        o.set("log", logTail());
        return o;
    }

    private ObjectNode onNodeThread() {
        ChainState s = node.state();
        ObjectNode o = JSON.createObjectNode();
        o.put("node", name);
        o.put("network", s.tree().network().name().toLowerCase(java.util.Locale.ROOT));
        o.put("port", node.port());
        o.put("time_ms", node.options().clock().unixMillis());
        o.set("heads", heads(s.tree().heads()));
        o.set("tree", tree(s));
        o.set("peers", peers(node.network().peerInfo()));
        o.set("sync", sync(node.network().syncStatus(), s.tree()));
        o.set("pending", pending(s));
        ObjectNode detached = o.putObject("detached");
        detached.put("blocks", s.detached().size());
        detached.put("bytes", s.detached().bytes());
        return o;
    }

    private static ObjectNode heads(ChainHeads h) {
        ObjectNode o = JSON.createObjectNode();
        o.set("longest", ids(h.longestChains()));
        o.set("longest_known", ids(h.longestKnowns()));
        o.put("preferred", h.preferred().id().hex());
        o.put("longest_height", h.longestChains().get(0).height());
        o.put("longest_known_height", h.longestKnowns().get(0).height());
        o.put("preferred_height", h.preferred().height());
        return o;
    }

    private static ArrayNode ids(List<BlockNode> blocks) {
        ArrayNode a = JSON.createArrayNode();
        blocks.forEach(b -> a.add(b.id().hex()));
        return a;
    }

    /**
     * Every block from {@code top - HEIGHTS + 1} to the top: on the preferred chain ("main"), on a
     * side branch ("side"), or proven bad ("invalid", with the complaint that did it); and the
     * detached blocks whose height falls in the window.
     */
    private static ObjectNode tree(ChainState s) {
        BlockTree tree = s.tree();
        long top = tree.topHeight();
        long from = Math.max(0, top - HEIGHTS + 1);
        Set<Hash256> main = new HashSet<>();
        for (Optional<BlockNode> b = Optional.of(tree.heads().preferred());
                b.isPresent() && b.get().height() >= from;
                b = b.get().parent()) {
            main.add(b.get().id());
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("from_height", from);
        o.put("to_height", top);
        ArrayNode blocks = o.putArray("blocks");
        boolean cut = false;
        for (long h = top; h >= from && !cut; h--) {
            for (BlockNode b : tree.atHeight(h)) {
                if (blocks.size() == MAX_TREE_BLOCKS) {
                    cut = true;
                    break;
                }
                blocks.add(block(s, b, main));
            }
        }
        o.put("truncated", cut);
        ArrayNode detached = o.putArray("detached");
        for (DetachedBlockPool.Entry e : s.detached().entries()) {
            long h = e.block().height();
            if (h >= from && detached.size() < MAX_DETACHED) {
                ObjectNode d = detached.addObject();
                d.put("id", e.id().hex());
                d.put("parent", e.block().header().parent().hex());
                d.put("height", h);
            }
        }
        return o;
    }

    private static ObjectNode block(ChainState s, BlockNode b, Set<Hash256> main) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", b.id().hex());
        b.parent().ifPresentOrElse(p -> o.put("parent", p.id().hex()), () -> o.putNull("parent"));
        o.put("height", b.height());
        o.put("state", b.invalid() ? "invalid" : main.contains(b.id()) ? "main" : "side");
        o.put("all_known", b.allKnown());
        o.put("txs", b.block().totalTxs());
        o.put("timestamp", b.block().tailer().timestamp());
        s.complaintOf(b).ifPresent(c -> o.put("complaint", c.type().name()));
        return o;
    }

    private static ArrayNode peers(List<PeerInfo> peers) {
        ArrayNode a = JSON.createArrayNode();
        for (PeerInfo p : peers) {
            ObjectNode o = a.addObject();
            o.put("num", p.peerNum());
            o.put("address", address(p.remote()));
            o.put("direction", p.inbound() ? "in" : "out");
            o.put("welcomed", p.welcomed());
            o.put("moniker", p.moniker());
            o.put("java", p.javaNode());
            o.put("sync", syncState(p));
            o.put("requests_in_flight", p.requestsInFlight());
            o.put("request_window", p.requestWindow());
            p.roundTripMillis().ifPresent(ms -> o.put("roundtrip_ms", ms));
            o.put("bytes_in", p.traffic().bytesIn());
            o.put("bytes_out", p.traffic().bytesOut());
            o.put("score", p.score());
        }
        return a;
    }

    /** The peer's numeric address and port ({@code [::1]:8000} for IPv6), whatever name it was dialled by. */
    private static String address(InetSocketAddress a) {
        String host =
                a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** Who is still catching up with whom, in the words of getpeerinfo's two flags. */
    private static String syncState(PeerInfo p) {
        if (!p.welcomed()) {
            return "handshake";
        } else if (p.weAreSyncing() && p.theyAreSyncing()) {
            return "both syncing";
        } else if (p.weAreSyncing()) {
            return "we sync from it";
        } else if (p.theyAreSyncing()) {
            return "it syncs from us";
        }
        return "in step";
    }

    private static ObjectNode sync(Optional<SyncStatus> status, BlockTree tree) {
        ObjectNode o = JSON.createObjectNode();
        o.put("syncing", status.isPresent());
        o.put("height", tree.heads().longestChains().get(0).height());
        o.put("blocks", tree.size());
        status.ifPresent(st -> {
            Progress.Figures f = st.figures();
            o.put("target_height", st.targetHeight());
            o.put("blocks_gained", f.count());
            o.put("blocks_per_s", f.perSecond());
            f.fraction().ifPresent(x -> o.put("fraction", x));
            f.etaSeconds().ifPresent(x -> o.put("eta_s", x));
        });
        return o;
    }

    private static ObjectNode pending(ChainState s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("total", s.pending().size());
        o.put("waiting", s.pending().waitingCount());
        ArrayNode shards = o.putArray("by_shard");
        List<Integer> ready = s.pending().readyPerShard();
        for (int i = 0; i < ready.size(); i++) {
            shards.add(ready.get(i));
        }
        return o;
    }

    private synchronized ObjectNode miner() {
        ObjectNode o = JSON.createObjectNode();
        o.put("running", miner.isPresent());
        if (miner.isPresent()) {
            Miner.Stats st = miner.get().stats();
            long now = System.nanoTime();
            if (lastHashes < 0 || now - lastNanos >= RATE_NANOS) {
                if (lastHashes >= 0) {
                    hashesPerSecond = (st.hashes() - lastHashes) * 1e9 / (now - lastNanos);
                }
                lastHashes = st.hashes();
                lastNanos = now;
            }
            if (hashesPerSecond >= 0) {
                o.put("hashes_per_s", hashesPerSecond);
            }
            o.put("hashes", st.hashes());
            o.put("blocks_mined", st.blocksMined());
            miner.get().miningOn().ifPresent(id -> o.put("mining_on", id.hex()));
        }
        return o;
    }

    private ArrayNode logTail() {
        ArrayNode a = JSON.createArrayNode();
        if (log.isEmpty()) {
            return a;
        }
        long created = log.get().created().toEpochMilli();
        for (LogRing.Entry e : log.get().tail(LOG_LINES, LogRing.LogLevel.DEBUG)) {
            ObjectNode o = a.addObject();
            o.put("time_ms", created + e.nanosSinceCreation() / 1_000_000);
            o.put("level", e.level().name().toLowerCase(java.util.Locale.ROOT));
            o.put("source", e.source());
            o.put("text", e.text());
        }
        return a;
    }
}
