package org.pettycoin.node;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.store.Blockfile;

/**
 * Keeps the blockfile in step with the chain state (C's blockfile.c; docs/architecture.md,
 * Durability): at start-up it replays the file into the state, then every attached block and
 * every placed tx is appended as it happens: {@link NodeLoop} hands it each input's events before
 * anyone else hears of them. A block is written as the frame it came in, never encoded again.
 * Appends reach the OS at once and the device at the next sync, which runs on a short timer on
 * the node's own executor and at close; a crash loses at most that window, which peers resend.
 */
public final class BlockfileJournal implements EventSink, Closeable {
    /** How often appended records are forced to the device: short enough to lose little, long enough to batch. */
    public static final long DEFAULT_SYNC_MILLIS = 250;

    private final Blockfile file;
    private boolean loaded;
    private Optional<ScheduledFuture<?>> syncTimer = Optional.empty();

    private BlockfileJournal(Blockfile file) {
        this.file = file;
    }

    /** Opens (creating if needed) the blockfile at {@code path}; call {@link #load} next. */
    public static BlockfileJournal open(Path path) throws IOException {
        return new BlockfileJournal(Blockfile.open(path));
    }

    /**
     * Replays the file into {@code state} through its usual entry points (as {@link Origin#BLOCKFILE}),
     * truncating a torn or refused tail; from then on the events given to {@link #accept} are appended.
     */
    public BlockfileLoader.Summary load(ChainState state) throws IOException {
        if (loaded) {
            throw new IllegalStateException("blockfile already loaded");
        }
        BlockfileLoader.Summary s = new BlockfileLoader(state).load(file);
        loaded = true;
        return s;
    }

    /** Syncs every {@code periodMillis} on {@code executor}, which must be the thread that appends. */
    public void startSyncing(ScheduledExecutorService executor, long periodMillis) {
        syncTimer.ifPresent(t -> t.cancel(false));
        syncTimer = Optional.of(
                executor.scheduleWithFixedDelay(this::syncNow, periodMillis, periodMillis, TimeUnit.MILLISECONDS));
    }

    /** Forces what was appended to the device. */
    public void syncNow() {
        try {
            file.sync();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync " + file.path(), e);
        }
    }

    /** Where the next record goes. */
    public long size() {
        return file.appendPosition();
    }

    /** How much of the file is known to be on the device. */
    public long syncedSize() {
        return file.syncedPosition();
    }

    /** Appends each attached block (its frame as received) and each placed tx (with its fresh proof). */
    @Override
    public void accept(List<ChainEvent> events) {
        for (ChainEvent e : events) {
            if (e.origin() instanceof Origin.Blockfile) {
                continue; // replayed: these records are the file's own
            }
            if (e instanceof ChainEvent.BlockAttached a) {
                append(a.received().frame().frame());
            } else if (e instanceof ChainEvent.TxPlaced t) {
                append(PacketCodec.encode(new TxInBlockPacket(t.proven())));
            }
        }
    }

    private void append(byte[] frame) {
        if (!loaded) {
            throw new IllegalStateException("the blockfile is appended to only once it is loaded");
        }
        try {
            file.append(frame);
        } catch (IOException e) {
            // A node that cannot write its blockfile must stop rather than announce what it may lose.
            throw new UncheckedIOException("cannot append to " + file.path(), e);
        }
    }

    @Override
    public void close() throws IOException {
        syncTimer.ifPresent(t -> t.cancel(false));
        file.close();
    }
}
