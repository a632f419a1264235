package org.pettycoin.chainstate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.store.Blockfile;
import org.pettycoin.time.Progress;

/**
 * Keeps the blockfile in step with the chain state (C's blockfile.c; docs/architecture.md,
 * Durability): at start-up it replays the file into the state, then every attached block and
 * every placed tx is appended as it happens: {@link NodeLoop} hands it each input's events before
 * anyone else hears of them. A block is written as the frame it came in, never encoded again.
 * Appends reach the OS at once and the device at the next {@link #syncNow}, which the node runs on
 * a short timer on its node thread and at close; a crash loses at most that window, which peers
 * resend. An append or sync that fails throws {@link StorageFailure}, which stops the node.
 */
public final class BlockfileJournal implements EventSink, Closeable {
    /** How often appended records are forced to the device: short enough to lose little, long enough to batch. */
    public static final long DEFAULT_SYNC_MILLIS = 250;

    private final Blockfile file;
    private boolean loaded;
    private LongConsumer syncNanos = nanos -> {};

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
        return load(state, Optional.empty());
    }

    /** The same, telling {@code progress} how far it has come (a long file takes a while). */
    public BlockfileLoader.Summary load(ChainState state, Optional<Progress> progress) throws IOException {
        if (loaded) {
            throw new IllegalStateException("blockfile already loaded");
        }
        BlockfileLoader.Summary s = new BlockfileLoader(state, events -> {}, progress).load(file);
        loaded = true;
        return s;
    }

    /**
     * Forces what was appended to the device; on the thread that appends.
     *
     * @throws StorageFailure if the device refuses
     */
    public void syncNow() {
        boolean behind = file.syncedPosition() != file.appendPosition();
        long t0 = System.nanoTime();
        try {
            file.sync();
            if (behind) {
                syncNanos.accept(System.nanoTime() - t0);
            }
        } catch (IOException e) {
            throw new StorageFailure("cannot sync " + file.path() + ": " + e, e);
        }
    }

    /**
     * Tells {@code observer} how long each sync that had records to force took, in nanoseconds (a
     * sync with nothing waiting is not a device write, and is not reported); on the thread that appends.
     */
    public void onSync(LongConsumer observer) {
        syncNanos = observer;
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
            throw new StorageFailure("cannot append to " + file.path() + ": " + e, e);
        }
    }

    /** Syncs and closes the file. */
    @Override
    public void close() throws IOException {
        file.close();
    }

    /**
     * Lets go of the file without writing or syncing anything more: after a storage failure, when a
     * further write would at best fail again. Every later append or sync fails (so tests use it to
     * make the journal fail as a broken disk would).
     */
    public void abandon() throws IOException {
        file.abandon();
    }
}
