package org.pettycoin.chainstate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Hash256;

/**
 * Blocks whose parent we do not know yet, indexed by the parent they wait for, so that when a parent
 * arrives its waiting children are found in O(1) (docs/c-differences.md #33; C scans a list and never forgets).
 *
 * <p>Bounded by count and by bytes, and entries expire. When full, the pool evicts deterministically:
 * the block claiming the <em>greatest height</em> goes first (newest first among equal heights).
 * Blocks just above what we hold attach soonest and are the ones sync needs; far-future claims are
 * the cheapest for a flooder to make (the flood gate eases by 4× per retarget period) and, if honest,
 * are found again by digging children once the gap is filled.
 */
public final class DetachedBlockPool {
    /** Rough per-entry cost beyond the block's bytes: objects, map and set nodes. */
    static final int ENTRY_OVERHEAD_BYTES = 512;
    /** A PKT_BLOCK frame is the block after len, type and err (C's protocol_net.h). */
    private static final int PKT_BLOCK_OVERHEAD = 12;

    /**
     * Limits. The defaults hold three 6000-block branches arriving in any order (about 1.4 KB each
     * with overhead) in 32 MiB, and forget a block nobody completed within 30 minutes.
     */
    public record Limits(int maxBlocks, long maxBytes, long maxAgeMillis) {
        public static final Limits DEFAULT = new Limits(20_000, 32L << 20, 30 * 60 * 1000L);

        public Limits {
            if (maxBlocks < 1 || maxBytes < 1 || maxAgeMillis < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    /** A waiting block. */
    public record Entry(
            Hash256 id,
            Block block,
            int encodedSize,
            long arrivedMillis,
            long sequence,
            Optional<ReceivedBlock> frame) {
        /** The block with its frame as it came (encoded now only if it was added without one). */
        public ReceivedBlock received() {
            return frame.orElseGet(() -> ReceivedBlock.of(block, id));
        }

        Hash256 parent() {
            return block.header().parent();
        }

        long cost() {
            return encodedSize + (long) ENTRY_OVERHEAD_BYTES;
        }
    }

    /** What {@link #add} did. */
    public enum AddResult {
        ADDED,
        /** Already waiting. */
        DUPLICATE,
        /** Added, but it was itself the first to go when making room: the pool is full of better ones. */
        EVICTED_AT_ONCE
    }

    private static final Comparator<Entry> EVICTION_ORDER = Comparator.comparingLong(
                    (Entry e) -> e.block().height())
            .reversed()
            .thenComparing(Comparator.comparingLong(Entry::sequence).reversed());

    private final Limits limits;
    private final Map<Hash256, Entry> byId = new LinkedHashMap<>();
    private final Map<Hash256, LinkedHashMap<Hash256, Entry>> byParent = new HashMap<>();
    private final TreeSet<Entry> evictionOrder = new TreeSet<>(EVICTION_ORDER);
    private long bytes;
    private long nextSequence;
    private long evicted;
    private long expired;

    public DetachedBlockPool(Limits limits) {
        this.limits = limits;
    }

    public DetachedBlockPool() {
        this(Limits.DEFAULT);
    }

    public AddResult add(Hash256 id, Block block, int encodedSize, long nowMillis) {
        return add(new Entry(id, block, encodedSize, nowMillis, nextSequence, Optional.empty()));
    }

    /** Keeps a received block with its frame, so that it is journaled and relayed as it came once it attaches. */
    public AddResult add(ReceivedBlock received, long nowMillis) {
        return add(new Entry(
                received.id(),
                received.block(),
                received.frame().frame().length - PKT_BLOCK_OVERHEAD,
                nowMillis,
                nextSequence,
                Optional.of(received)));
    }

    private AddResult add(Entry e) {
        Hash256 id = e.id();
        if (byId.containsKey(id)) {
            return AddResult.DUPLICATE;
        }
        nextSequence++;
        byId.put(id, e);
        byParent.computeIfAbsent(e.parent(), p -> new LinkedHashMap<>(2)).put(id, e);
        evictionOrder.add(e);
        bytes += e.cost();
        while (byId.size() > limits.maxBlocks() || bytes > limits.maxBytes()) {
            remove(evictionOrder.first());
            evicted++;
        }
        return byId.containsKey(id) ? AddResult.ADDED : AddResult.EVICTED_AT_ONCE;
    }

    public boolean contains(Hash256 id) {
        return byId.containsKey(id);
    }

    /** Removes and returns the blocks waiting for {@code parent}, in arrival order. */
    public List<Entry> takeChildrenOf(Hash256 parent) {
        LinkedHashMap<Hash256, Entry> waiting = byParent.remove(parent);
        if (waiting == null) {
            return List.of();
        }
        List<Entry> children = new ArrayList<>(waiting.values());
        for (Entry e : children) {
            byId.remove(e.id());
            evictionOrder.remove(e);
            bytes -= e.cost();
        }
        return children;
    }

    /** Forgets blocks that have waited longer than the limit; returns how many. */
    public int expire(long nowMillis) {
        int n = 0;
        Iterator<Entry> it = byId.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (nowMillis - e.arrivedMillis() <= limits.maxAgeMillis()) {
                break;
            }
            it.remove();
            unindex(e);
            n++;
        }
        expired += n;
        return n;
    }

    private void remove(Entry e) {
        byId.remove(e.id());
        unindex(e);
    }

    private void unindex(Entry e) {
        LinkedHashMap<Hash256, Entry> siblings = byParent.get(e.parent());
        if (siblings != null) {
            siblings.remove(e.id());
            if (siblings.isEmpty()) {
                byParent.remove(e.parent());
            }
        }
        evictionOrder.remove(e);
        bytes -= e.cost();
    }

    public int size() {
        return byId.size();
    }

    /** Accounted bytes: encoded blocks plus a fixed overhead each. */
    public long bytes() {
        return bytes;
    }

    public long evictedCount() {
        return evicted;
    }

    public long expiredCount() {
        return expired;
    }

    /** Waiting blocks, oldest first (for diagnostics). */
    public List<Entry> entries() {
        return List.copyOf(byId.values());
    }
}
