package org.pettycoin.store;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.pettycoin.protocol.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only chain store in the C node's format (C's blockfile.c): a plain concatenation of
 * packets, no header, no checksum. This class moves records; what a record means is the loader's
 * business.
 *
 * <p>Durability: {@link #append} hands the bytes to the OS at once (so a record is on its way to disk
 * before the block is announced), {@link #sync} forces them to the device and is called on a short
 * timer and at shutdown. At start-up {@link #replay} reads records until the first that is torn,
 * out of bounds or refused, truncates the file there and appends from exactly that offset: the C
 * node's swapped {@code lseek} arguments left a hole instead (docs/c-differences.md #31).
 */
public final class Blockfile implements Closeable {
    /** Name of the file in the data directory. */
    public static final String FILE_NAME = "blockfile";

    private static final Logger LOG = LoggerFactory.getLogger(Blockfile.class);

    private final Path path;
    private final FileChannel channel;
    private final boolean readOnly;
    private long appendPosition;
    private long syncedPosition;
    private boolean dirty;
    private boolean replayed;

    private Blockfile(Path path, FileChannel channel, boolean readOnly) {
        this.path = path;
        this.channel = channel;
        this.readOnly = readOnly;
    }

    /** Opens (creating, mode 0600) a blockfile for replay and then appending. */
    public static Blockfile open(Path path) throws IOException {
        if (!Files.exists(path)) {
            Files.createFile(
                    path,
                    PosixFilePermissions.asFileAttribute(Set.of(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
            forceDirectory(path.toAbsolutePath().getParent());
        }
        return new Blockfile(path, FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE), false);
    }

    /**
     * Forces {@code dir}'s entries to the device, so that a new file's name survives a power cut
     * along with the records later synced into it. Where a directory cannot be opened to be forced
     * (not POSIX), the file system orders it itself, and this does nothing.
     */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
            // nothing to force with
        }
    }

    /** Opens a blockfile that is only read: replay never truncates it. */
    public static Blockfile openReadOnly(Path path) throws IOException {
        return new Blockfile(path, FileChannel.open(path, StandardOpenOption.READ), true);
    }

    public Path path() {
        return path;
    }

    /** Where the next record goes (the end of the valid records once replayed). */
    /** The file's length now, in bytes. */
    public long size() throws IOException {
        return channel.size();
    }

    public long appendPosition() {
        return appendPosition;
    }

    /** How much of the file is known to be on the device: the append position at the last sync. */
    public long syncedPosition() {
        return syncedPosition;
    }

    /**
     * Reads every record in order and hands it to {@code visitor} until the end, a torn or
     * out-of-bounds record, or a record the visitor refuses. Unless read-only, the file is then
     * truncated to the end of the last accepted record and appending resumes there.
     */
    public ReplayResult replay(RecordVisitor visitor) throws IOException {
        if (replayed) {
            throw new IllegalStateException("a blockfile is replayed once, before appending");
        }
        replayed = true;
        long fileLength = channel.size();
        long valid = 0;
        long records = 0;
        Optional<String> stop = Optional.empty();
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16);
        while (valid < fileLength) {
            byte[] frame;
            try {
                frame = readFrame(in, fileLength - valid);
            } catch (TornRecordException e) {
                stop = Optional.of("record at offset " + valid + ": " + e.getMessage());
                break;
            }
            Optional<String> refusal = visitor.visit(frame, valid);
            if (refusal.isPresent()) {
                stop = Optional.of("record at offset " + valid + ": " + refusal.get());
                break;
            }
            valid += frame.length;
            records++;
        }
        if (!readOnly && valid < fileLength) {
            channel.truncate(valid);
            channel.force(true);
        }
        appendPosition = valid;
        syncedPosition = valid;
        return new ReplayResult(records, valid, fileLength, stop);
    }

    private static final class TornRecordException extends Exception {
        private static final long serialVersionUID = 1L;

        TornRecordException(String message) {
            super(message);
        }
    }

    /** One whole record (len ‖ type ‖ body), or why there is none. */
    private static byte[] readFrame(InputStream in, long left) throws IOException, TornRecordException {
        byte[] lenBytes = new byte[4];
        if (!readFully(in, lenBytes)) {
            throw new TornRecordException("torn length field");
        }
        long len = (lenBytes[0] & 0xffL)
                | (lenBytes[1] & 0xffL) << 8
                | (lenBytes[2] & 0xffL) << 16
                | (lenBytes[3] & 0xffL) << 24;
        // A zero length is how a C node's hole after its lseek bug looks: it ends the replay, as in C.
        if (len < Protocol.PACKET_HEADER_LEN || len > Protocol.MAX_PACKET_LEN) {
            throw new TornRecordException("length " + len + " outside [8, 4 MiB]");
        }
        if (len > left) {
            throw new TornRecordException("record of " + len + " bytes but only " + left + " left in the file");
        }
        byte[] frame = new byte[(int) len];
        System.arraycopy(lenBytes, 0, frame, 0, 4);
        if (!readFully(in, frame, 4, frame.length - 4)) {
            throw new TornRecordException("torn record body");
        }
        return frame;
    }

    private static boolean readFully(InputStream in, byte[] b) throws IOException {
        return readFully(in, b, 0, b.length);
    }

    private static boolean readFully(InputStream in, byte[] b, int off, int len) throws IOException {
        return in.readNBytes(b, off, len) == len;
    }

    /** Writes one whole record at the append position; it reaches the device at the next {@link #sync}. */
    public void append(byte[] frame) throws IOException {
        if (readOnly || !replayed) {
            throw new IllegalStateException(readOnly ? "blockfile is read-only" : "replay before appending");
        }
        ByteBuffer buf = ByteBuffer.wrap(frame);
        while (buf.hasRemaining()) {
            appendPosition += channel.write(buf, appendPosition);
        }
        dirty = true;
    }

    /** Forces appended records to the device if any are waiting. */
    public void sync() throws IOException {
        if (dirty) {
            long position = appendPosition;
            channel.force(false);
            syncedPosition = position;
            dirty = false;
            // The point a power cut cannot take back, for an operator (and a crash harness) to read.
            LOG.debug("{} synced to {} bytes", path, position);
        }
    }

    /**
     * Closes the channel without syncing: what was appended since the last {@link #sync} may not
     * reach the device, and every later append or sync fails.
     */
    public void abandon() throws IOException {
        channel.close();
    }

    @Override
    public void close() throws IOException {
        try {
            if (!readOnly) {
                sync();
            }
        } finally {
            channel.close();
        }
    }
}
