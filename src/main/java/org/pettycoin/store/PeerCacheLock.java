package org.pettycoin.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open, exclusively locked {@code peer_cache} channel: the one-daemon-per-directory lock (C's
 * peer_cache.c get_lock). The lock is a POSIX record lock on the whole file, the same kind the C node takes, so a C
 * node and ours also keep out of each other's directory.
 *
 * <p>Files already locked in this JVM are refused before the file is opened at all: closing any
 * descriptor of a file drops every POSIX lock the process holds on it, so merely trying and closing
 * a second channel would silently unlock the first holder towards other processes.
 */
final class PeerCacheLock implements AutoCloseable {
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private PeerCacheLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Opens (creating, mode 0600) and locks {@code file}, or says which directory is in use. */
    static PeerCacheLock acquire(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path key = dir.toRealPath().resolve(file.getFileName());
        if (!HELD_IN_THIS_JVM.add(key)) {
            throw busy(dir);
        }
        try {
            FileChannel channel = FileChannel.open(
                    file,
                    Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE),
                    PosixFilePermissions.asFileAttribute(
                            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw busy(dir);
            }
            return new PeerCacheLock(key, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_JVM.remove(key);
            throw e;
        }
    }

    /** The lock, or null when another process (or, despite the check above, this one) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static IOException busy(Path dir) {
        return new IOException("another node is using " + dir + " (its peer_cache is locked)");
    }

    FileChannel channel() {
        return channel;
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } finally {
            HELD_IN_THIS_JVM.remove(key);
        }
    }
}
