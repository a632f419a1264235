package org.pettycoin.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.pettycoin.protocol.ByteWriter;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.StructCodec;

/**
 * The bytes of {@code peer_cache} (C's peer_cache.c): {@code le64 randbytes}, then 4096 slots of one
 * 40-byte {@code protocol_net_address} each. Changes go to disk one slot at a time, as in C; the file
 * is a cache, so nothing is forced to the device except a fresh file's key.
 */
final class PeerCacheFile implements AutoCloseable {
    /** The {@code le64 randbytes} key before the slots. */
    static final int HEADER_LENGTH = Long.BYTES;
    /** 8 + 4096 × 40 = 163 848 bytes: {@code sizeof(struct peer_cache_file)} in C's peer_cache.c. */
    static final int FILE_LENGTH = HEADER_LENGTH + PeerSlotHash.SLOTS * NetAddress.LENGTH;

    private final Path path;
    private final PeerCacheLock lock;

    private PeerCacheFile(Path path, PeerCacheLock lock) {
        this.path = path;
        this.lock = lock;
    }

    /** Opens and locks the file, creating it empty if it is missing. */
    static PeerCacheFile open(Path path) throws IOException {
        return new PeerCacheFile(path, PeerCacheLock.acquire(path));
    }

    Path path() {
        return path;
    }

    long size() throws IOException {
        return lock.channel().size();
    }

    /** Up to {@link #FILE_LENGTH} bytes from the start; fewer only if the file is shorter. */
    byte[] read() throws IOException {
        FileChannel channel = lock.channel();
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(channel.size(), FILE_LENGTH));
        while (buf.hasRemaining()) {
            if (channel.read(buf, buf.position()) < 0) {
                break;
            }
        }
        byte[] bytes = new byte[buf.position()];
        buf.flip().get(bytes);
        return bytes;
    }

    /**
     * Replaces the whole content with a new key and empty slots, in place: the lock is never let go,
     * unlike C, which unlinks and recreates the file and so briefly leaves the directory unguarded.
     */
    void reset(long randBytes) throws IOException {
        FileChannel channel = lock.channel();
        channel.truncate(0);
        ByteBuffer buf =
                ByteBuffer.allocate(FILE_LENGTH).order(ByteOrder.LITTLE_ENDIAN).putLong(0, randBytes);
        writeFully(buf, 0);
        channel.force(true);
    }

    /** Seeks to slot {@code slot} and writes its 40 bytes. */
    void writeSlot(int slot, NetAddress address) throws IOException {
        ByteWriter w = new ByteWriter(NetAddress.LENGTH);
        StructCodec.encodeNetAddress(address, w);
        writeFully(ByteBuffer.wrap(w.toByteArray()), slotOffset(slot));
    }

    static long slotOffset(int slot) {
        return HEADER_LENGTH + (long) slot * NetAddress.LENGTH;
    }

    private void writeFully(ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            at += lock.channel().write(buf, at);
        }
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
