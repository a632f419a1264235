package org.pettycoin.net;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.pettycoin.time.Progress;

/**
 * Progress lines while we sync from peers: the height we have reached, the blocks gained since the
 * sync began, their rate, and the share of the way to the highest block a syncing peer welcomed us
 * with. A sync begins when a peer we sync from appears and ends when none is left; the next one
 * starts its rate afresh. Node thread only.
 */
final class SyncProgress {
    private final LongSupplier nanos;
    private final long everyNanos;
    private final Consumer<String> out;
    private Optional<Progress> running = Optional.empty();
    private long blocksAtStart;
    private long height;
    private long target;
    private long blocks;

    SyncProgress(LongSupplier nanos, long everyNanos, Consumer<String> out) {
        this.nanos = nanos;
        this.everyNanos = everyNanos;
        this.out = out;
    }

    /**
     * @param target the highest welcome block of the peers we are syncing from, or empty if none is left
     * @param height the height of our longest chain
     * @param blocks the blocks in our tree
     */
    void tick(OptionalLong target, long height, long blocks) {
        if (target.isEmpty()) {
            running = Optional.empty();
            return;
        }
        if (running.isEmpty()) {
            running = Optional.of(new Progress("sync", "blocks", nanos, everyNanos, out));
            blocksAtStart = blocks;
        }
        this.target = target.getAsLong();
        this.height = height;
        this.blocks = blocks;
        running.get().at(blocks - blocksAtStart, height, fraction());
    }

    /** The figures as of the last tick, while a sync runs. */
    Optional<SyncStatus> status() {
        return running.map(p -> new SyncStatus(height, target, p.figures(blocks - blocksAtStart, height, fraction())));
    }

    private double fraction() {
        return target > 0 ? height / (double) target : -1;
    }
}
