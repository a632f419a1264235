package org.pettycoin.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.CliRunner;
import org.pettycoin.testing.TestKeys;

/**
 * The crash harness (docs/architecture.md, Durability): a mining regtest node and a node syncing
 * from it, each its own {@code pettycoin node} process. One of them, chosen by a seeded random, is
 * killed with SIGKILL at a random moment and started again on the same directory; every block it
 * had reported over JSON-RPC before the kill must be there as soon as it answers again (a node
 * never reports a block its journal does not hold); now and then it is killed a second time while
 * it starts again (in its replay, say). Then power cuts: a node is killed and its
 * blockfile cut back to a random point no earlier than the length it last logged as synced (a
 * random byte, a record boundary, or inside the last record); it must start, hold every block
 * before the cut at once, and get the rest back from its peer. Last, both stop cleanly and
 * {@code pettycoin blockfile check} must pass on both files.
 */
final class KillNineTorture {
    /** 25 November 2025, 13:55 UTC: the mock clock's start, 22 hours after the regtest genesis. */
    private static final long MOCK_START = 1_764_078_950L;
    /** Generous: a JVM start and a replay on a shared 2-core machine. */
    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    /** How long a cut node may take to get back from its peer what the cut took. */
    private static final Duration RESYNC_LIMIT = Duration.ofMinutes(2);
    /** One kill in this many is followed by a second while the node starts again. */
    private static final int EARLY_KILL_ONE_IN = 5;
    /** How often the harness asks both nodes what they hold while it waits for the moment to kill. */
    private static final long RECORD_EVERY_MILLIS = 150;

    /** How much torture: SIGKILLs, then power cuts, and the seed that picks victims, moments and cut points. */
    record Plan(int kills, int cuts, long seed) {}

    /** What was done and seen, printed at the end. */
    static final class Figures {
        int kills;
        int earlyKills;
        int restarts;
        long blocksChecked;
        Duration longestRestart = Duration.ZERO;
        final List<Long> replayMillis = new ArrayList<>();
        long longestReplayBlocks;
        int cuts;
        final Map<CutKind, Integer> cutsByKind = new EnumMap<>(CutKind.class);
        long bytesCut;
        long blocksLostToCuts;
        long blocksResynced;
        long minerHeight;
        long followerHeight;

        void started(TortureNode.Start s) {
            restarts++;
            if (s.toRpc().compareTo(longestRestart) > 0) {
                longestRestart = s.toRpc();
            }
            replayMillis.add(s.replayMillis());
            longestReplayBlocks = Math.max(longestReplayBlocks, s.replayedBlocks());
        }

        @Override
        public String toString() {
            List<Long> sorted = new ArrayList<>(replayMillis);
            sorted.sort(null);
            long median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
            long max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
            return String.format(
                    "torture: %d SIGKILLs (%d of them while starting), %d restarts (none failed), %d reported blocks checked after restarts; "
                            + "longest restart to JSON-RPC %.1f s; replay median %d ms, longest %d ms "
                            + "(at most %d blocks replayed); %d power cuts (%d at a random byte, %d at a record "
                            + "boundary, %d inside the last record), %d bytes cut, %d blocks lost with the cut "
                            + "tail of which %d came back from the peer; final heights miner %d, follower %d",
                    kills,
                    earlyKills,
                    restarts,
                    blocksChecked,
                    longestRestart.toMillis() / 1000.0,
                    median,
                    max,
                    longestReplayBlocks,
                    cuts,
                    cutsByKind.getOrDefault(CutKind.RANDOM_BYTE, 0),
                    cutsByKind.getOrDefault(CutKind.RECORD_BOUNDARY, 0),
                    cutsByKind.getOrDefault(CutKind.INSIDE_LAST_RECORD, 0),
                    bytesCut,
                    blocksLostToCuts,
                    blocksResynced,
                    minerHeight,
                    followerHeight);
        }
    }

    enum CutKind {
        RANDOM_BYTE,
        RECORD_BOUNDARY,
        INSIDE_LAST_RECORD
    }

    private final Plan plan;
    private final Path root;
    private final Random random;
    private final long clockStartNanos = System.nanoTime();
    private final Figures figures = new Figures();

    KillNineTorture(Plan plan, Path root) {
        this.plan = plan;
        this.root = root;
        this.random = new Random(plan.seed());
    }

    /** The mock time now: it runs on across restarts, so no run mines a block older than the last run's. */
    private long mockNow() {
        return MOCK_START + (System.nanoTime() - clockStartNanos) / 1_000_000_000L;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    Figures run() throws Exception {
        System.out.printf(
                "torture: seed %d (-Dtorture.seed=%d repeats the choices), %d kills, %d cuts%n",
                plan.seed(), plan.seed(), plan.kills(), plan.cuts());
        // The miner keeps one port across restarts, so the follower's --connect finds it again.
        int minerPort = freePort();
        String reward = TestKeys.text(TestKeys.key(7));
        TortureNode miner = new TortureNode(
                "miner",
                root.resolve("miner"),
                root,
                () -> List.of(
                        "--network",
                        "regtest",
                        "--pettycoin-dir",
                        root.resolve("miner").toString(),
                        "--port",
                        Integer.toString(minerPort),
                        "--seeding",
                        "--reward-address",
                        reward,
                        "--mining-threads",
                        "1",
                        "--block-pause",
                        "0.05",
                        "--mocktime",
                        Long.toString(mockNow()),
                        "--log-level",
                        "info,store=debug"),
                START_LIMIT);
        TortureNode follower = new TortureNode(
                "follower",
                root.resolve("follower"),
                root,
                () -> List.of(
                        "--network",
                        "regtest",
                        "--pettycoin-dir",
                        root.resolve("follower").toString(),
                        "--connect",
                        "127.0.0.1:" + minerPort,
                        "--seeding",
                        "--mocktime",
                        Long.toString(mockNow()),
                        "--log-level",
                        "info,store=debug"),
                START_LIMIT);
        try (miner;
                follower) {
            miner.start();
            follower.start();
            Await.until("the follower syncs from the miner", START_LIMIT, () -> follower.height() > 0);
            for (int i = 1; i <= plan.kills(); i++) {
                killAndRestart(i, miner, follower);
            }
            for (int i = 1; i <= plan.cuts(); i++) {
                cutAndRestart(i, miner, follower);
            }
            miner.record();
            follower.record();
            figures.minerHeight = miner.height();
            figures.followerHeight = follower.height();
            miner.stop();
            follower.stop();
            check(miner);
            check(follower);
        }
        System.out.println(figures);
        return figures;
    }

    /** Waits a random moment, recording what both report, then kills one and holds its restart to its reports. */
    private void killAndRestart(int i, TortureNode miner, TortureNode follower) throws Exception {
        TortureNode victim = random.nextBoolean() ? miner : follower;
        TortureNode other = victim == miner ? follower : miner;
        waitRecording(miner, follower, 100 + random.nextInt(2400));
        Map<String, Long> before = victim.reported();
        victim.kill();
        figures.kills++;
        if (random.nextInt(EARLY_KILL_ONE_IN) == 0) {
            // Killed again while it starts: in the JVM's start, the replay, or binding its sockets.
            victim.spawn();
            Thread.sleep(random.nextInt(2500));
            victim.kill();
            figures.kills++;
            figures.earlyKills++;
        }
        TortureNode.Start s = victim.start();
        figures.started(s);
        System.out.printf(
                "torture: kill %d: %s up again in %d ms (replay %d ms), checking %d blocks%n",
                i, victim.name(), s.toRpc().toMillis(), s.replayMillis(), before.size());
        Set<String> gone = victim.missing(before);
        figures.blocksChecked += before.size();
        if (!gone.isEmpty()) {
            throw new AssertionError(String.format(
                    "kill %d (seed %d): %s lost %d of the %d blocks it had reported, e.g. %s%n%s",
                    i, plan.seed(), victim.name(), gone.size(), before.size(), first(gone, before), victim.output()));
        }
        if (!other.isAlive()) {
            throw new AssertionError("kill " + i + ": " + other.name() + " died meanwhile");
        }
    }

    /** Kills one, cuts its blockfile back to a point it had synced or later, and holds it to that and to its peer. */
    private void cutAndRestart(int i, TortureNode miner, TortureNode follower) throws Exception {
        TortureNode victim = random.nextBoolean() ? miner : follower;
        TortureNode other = victim == miner ? follower : miner;
        waitRecording(miner, follower, 100 + random.nextInt(2400));
        Map<String, Long> before = victim.reported();
        Map<String, Long> peerHas = other.reported();
        victim.kill();
        figures.kills++;
        Path file = victim.blockfile();
        long length = Files.size(file);
        long floor = Math.min(victim.durableFloor(), length);
        BlockfileRecords whole = BlockfileRecords.read(file);
        CutKind kind = CutKind.values()[random.nextInt(CutKind.values().length)];
        long cut = cutPoint(kind, whole, floor, length);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(cut);
        }
        figures.cuts++;
        figures.cutsByKind.merge(kind, 1, Integer::sum);
        figures.bytesCut += length - cut;
        BlockfileRecords kept = BlockfileRecords.read(file);
        victim.cutTo(kept.end());
        TortureNode.Start s = victim.start();
        figures.started(s);
        System.out.printf(
                "torture: cut %d: %s cut %s from %d to %d bytes (synced %d), up again in %d ms, checking %d blocks%n",
                i,
                victim.name(),
                kind,
                length,
                cut,
                floor,
                s.toRpc().toMillis(),
                kept.blocks().size());
        Set<String> gone = victim.missing(kept.blocks());
        figures.blocksChecked += kept.blocks().size();
        if (!gone.isEmpty()) {
            throw new AssertionError(String.format(
                    "cut %d (seed %d, %s at %d of %d bytes, floor %d): %s lost %d blocks from before the cut, e.g. %s%n%s",
                    i,
                    plan.seed(),
                    kind,
                    cut,
                    length,
                    floor,
                    victim.name(),
                    gone.size(),
                    first(gone, kept.blocks()),
                    victim.output()));
        }
        // What the cut took and the peer holds, the peer must give back; what only the victim held is lost.
        Map<String, Long> back = new HashMap<>();
        before.forEach((id, h) -> {
            if (!kept.blocks().containsKey(id) && peerHas.containsKey(id)) {
                back.put(id, h);
            }
        });
        long lost = before.keySet().stream()
                .filter(id -> !kept.blocks().containsKey(id))
                .count();
        figures.blocksLostToCuts += lost;
        if (!Await.await(RESYNC_LIMIT, () -> victim.missing(back).isEmpty())) {
            Set<String> still = victim.missing(back);
            throw new AssertionError(String.format(
                    "cut %d (seed %d): %s did not get back from its peer %d of the %d blocks the cut took, e.g. %s%n%s",
                    i, plan.seed(), victim.name(), still.size(), back.size(), first(still, back), victim.output()));
        }
        figures.blocksResynced += back.size();
        Map<String, Long> keep = new HashMap<>(kept.blocks());
        keep.putAll(back);
        victim.keepOnly(keep);
    }

    private long cutPoint(CutKind kind, BlockfileRecords whole, long floor, long length) {
        List<Long> boundaries = new ArrayList<>();
        for (long s : whole.starts()) {
            if (s >= floor) {
                boundaries.add(s);
            }
        }
        boundaries.add(whole.end());
        return switch (kind) {
            case RANDOM_BYTE -> floor + (long) (random.nextDouble() * (length - floor + 1));
            case RECORD_BOUNDARY -> Math.max(floor, boundaries.get(random.nextInt(boundaries.size())));
            case INSIDE_LAST_RECORD -> {
                if (whole.starts().isEmpty()) {
                    yield length;
                }
                long last = whole.starts().get(whole.starts().size() - 1);
                long size = whole.end() - last;
                // A torn last record: a length field or a body only partly written.
                yield Math.max(floor, last + 1 + (long) (random.nextDouble() * (size - 1)));
            }
        };
    }

    /** Sleeps about {@code millis}, asking both nodes what they hold every little while; both are asked last. */
    private void waitRecording(TortureNode miner, TortureNode follower, long millis) throws Exception {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            miner.record();
            follower.record();
            Thread.sleep(Math.min(RECORD_EVERY_MILLIS, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
        miner.record();
        follower.record();
    }

    /** {@code pettycoin blockfile check} on a cleanly stopped node's file: every record accepted, no block invalid. */
    private void check(TortureNode n) {
        CliRunner.Result r = CliRunner.run(
                "blockfile",
                "check",
                "--network",
                "regtest",
                "--mocktime",
                Long.toString(mockNow()),
                "--timing",
                n.blockfile().toString());
        System.out.printf(
                "torture: blockfile check of %s: %s%n",
                n.name(), r.out().strip().replaceAll("\\s*\\n\\s*", " "));
        if (r.exitCode() != 0) {
            throw new AssertionError(
                    "blockfile check of " + n.name() + " failed (" + r.exitCode() + "): " + r.out() + r.err());
        }
    }

    private static String first(Set<String> ids, Map<String, Long> heights) {
        return ids.stream()
                .sorted()
                .limit(3)
                .map(id -> id + " at height " + heights.get(id))
                .toList()
                .toString();
    }
}
