package org.pettycoin.node;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.TxWithProof;
import org.pettycoin.store.Blockfile;

/**
 * Keeps the blockfile in step with the chain state (C's blockfile.c; docs/architecture.md,
 * Durability): at start-up it replays the file into the state, then every attached block and
 * every placed tx is appended as it happens, before the listeners after it announce anything.
 * Appends reach the OS at once and the device at the next {@link #syncNow}, which the node runs on
 * a short timer on its node thread and at close; a crash loses at most that window, which peers
 * resend. An append or sync that fails throws {@link StorageFailure}, which stops the node.
 */
public final class BlockfileJournal implements ChainState.Listener, Closeable {
    /** How often appended records are forced to the device: short enough to lose little, long enough to batch. */
    public static final long DEFAULT_SYNC_MILLIS = 250;

    private final Blockfile file;
    private boolean loaded;

    private BlockfileJournal(Blockfile file) {
        this.file = file;
    }

    /** Opens (creating if needed) the blockfile at {@code path}; call {@link #load} next. */
    public static BlockfileJournal open(Path path) throws IOException {
        return new BlockfileJournal(Blockfile.open(path));
    }

    /**
     * Replays the file into {@code state} (which must have been created with this journal as its
     * listener), truncating a torn or refused tail; from then on changes are appended.
     */
    public BlockfileLoader.Summary load(ChainState state, long nowSeconds) throws IOException {
        if (loaded) {
            throw new IllegalStateException("blockfile already loaded");
        }
        BlockfileLoader.Summary s = new BlockfileLoader(state.tree(), state::placeFromBlockfile, nowSeconds).load(file);
        loaded = true;
        return s;
    }

    /**
     * Forces what was appended to the device; on the thread that appends.
     *
     * @throws StorageFailure if the device refuses
     */
    public void syncNow() {
        try {
            file.sync();
        } catch (IOException e) {
            throw new StorageFailure("cannot sync " + file.path() + ": " + e, e);
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

    @Override
    public void blockAttached(BlockNode block) {
        append(PacketCodec.encode(new BlockPacket(block.block())));
    }

    @Override
    public void txPlaced(BlockNode block, TxWithProof proven) {
        append(PacketCodec.encode(new TxInBlockPacket(proven)));
    }

    private void append(byte[] frame) {
        if (!loaded) {
            return; // replaying: these records are the file's own
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
