package org.pettycoin.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.NodeUuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's address book, kept in the C node's {@code peer_cache} file (C's peer_cache.c) so either node
 * can reuse the other's. Holding it open is also the one-daemon-per-directory lock.
 *
 * <p>Each address has exactly one slot, chosen by a keyed hash, and competes only with the entry
 * already there. Hearsay ({@link #add}: PEERS packets, seeds, the addresses file) never displaces an
 * entry seen in the last 30 minutes, displaces any other only half the time, and is stored 30
 * minutes older than claimed (or as never seen, if over 3 hours old), so an address we reached
 * ourselves ({@link #refresh}, which always wins) outranks what others say. Unlike C, entries
 * carrying our own uuid are never stored, so we neither dial ourselves nor hand ourselves out, and an
 * all-zero address (which reads as an empty slot) cannot erase an entry.
 *
 * <p>Every change is written to its slot on disk at once; a write failure is logged and the memory
 * copy stays authoritative for the run, as in C: the file is only a cache. Not thread-safe: the node
 * thread owns it.
 */
public final class PeerCache implements Closeable, Iterable<NetAddress> {
    private static final Logger LOG = LoggerFactory.getLogger(PeerCache.class);

    /** Name of the file in the data directory (C's peer_cache.c). */
    public static final String FILE_NAME = "peer_cache";
    /** {@code PEER_CACHE_MAXSECS} (C's peer_cache.h): hearsay older than 3 hours is stored as never seen. */
    public static final long MAX_AGE_SECS = 3 * 60 * 60;
    /** {@code PEER_CACHE_PEER_EXTRA} (C's peer_cache.h): hearsay is aged 30 minutes; newer entries are kept. */
    public static final long INDIRECT_AGEING_SECS = 30 * 60;
    /** An empty slot: all 40 bytes zero (emptiness is decided by the address bytes alone). */
    static final NetAddress EMPTY = new NetAddress(0, Bytes.of(new byte[NetAddress.ADDR_LENGTH]), 0, 0, NodeUuid.ZERO);

    /** How the file was found at open. */
    public enum Origin {
        CREATED,
        LOADED,
        RECREATED
    }

    /** What {@link #add} did, for the caller's log. */
    public enum AddResult {
        STORED,
        /** The slot already holds this address and port. */
        REPEAT,
        /** The slot's entry was seen within the last 30 minutes. */
        KEPT_RECENT,
        /** The slot's entry won the coin toss. */
        KEPT_BY_CHANCE,
        /** The address is all zero or carries our own uuid. */
        REFUSED
    }

    private final PeerCacheFile file;
    private final PeerSlotHash hash;
    private final NetAddress[] slots;
    private final NodeUuid self;
    private final LongSupplier nowSeconds;
    private final Random coin;
    private final Origin origin;
    private final Optional<String> discardedBecause;
    private boolean closed;

    private PeerCache(
            PeerCacheFile file,
            long randBytes,
            NetAddress[] slots,
            Settings settings,
            Origin origin,
            Optional<String> discardedBecause) {
        this.file = file;
        this.hash = new PeerSlotHash(randBytes);
        this.slots = slots;
        this.self = settings.self();
        this.nowSeconds = settings.nowSeconds();
        this.coin = settings.coin();
        this.origin = origin;
        this.discardedBecause = discardedBecause;
    }

    /** What a cache needs besides its file: who we are, the clock, the coin, and a new file's key. */
    record Settings(NodeUuid self, LongSupplier nowSeconds, Random coin, LongSupplier newKey) {}

    /**
     * Opens, locks and checks {@code path}, creating it if missing and recreating it if it is short,
     * holds an entry from the future or one outside its slot.
     *
     * @param self our node's uuid: entries carrying it are refused
     * @param nowSeconds the node clock's wall time, in Unix seconds
     * @param coin decides whether hearsay replaces an older entry
     * @throws IOException "another node is using DIR" if the file is locked, or an I/O failure
     */
    public static PeerCache open(Path path, NodeUuid self, LongSupplier nowSeconds, Random coin) throws IOException {
        SecureRandom keys = new SecureRandom();
        return open(path, new Settings(self, nowSeconds, coin, keys::nextLong));
    }

    /** As above, with the key a new file gets chosen by {@code newKey} (tests want fixed slots). */
    static PeerCache open(Path path, Settings settings) throws IOException {
        if (settings.self().isZero()) {
            throw new IllegalArgumentException("our own uuid cannot be zero: zero means unknown");
        }
        PeerCacheFile file = PeerCacheFile.open(path);
        try {
            return load(file, settings);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static PeerCache load(PeerCacheFile file, Settings settings) throws IOException {
        if (file.size() == 0) {
            LOG.info("creating {}", file.path());
            return fresh(file, settings, Origin.CREATED, Optional.empty());
        }
        byte[] bytes = file.read();
        Optional<String> problem;
        if (bytes.length < PeerCacheFile.FILE_LENGTH) {
            problem = Optional.of("file is " + bytes.length + " bytes, not " + PeerCacheFile.FILE_LENGTH);
        } else {
            PeerCacheImage image = PeerCacheImage.decode(bytes);
            problem = image.problem(settings.nowSeconds().getAsLong());
            if (problem.isEmpty()) {
                return new PeerCache(file, image.randBytes(), image.slots(), settings, Origin.LOADED, problem);
            }
        }
        LOG.warn("corrupt peer_cache: recreating {} ({})", file.path(), problem.get());
        return fresh(file, settings, Origin.RECREATED, problem);
    }

    private static PeerCache fresh(PeerCacheFile file, Settings settings, Origin origin, Optional<String> why)
            throws IOException {
        long randBytes = settings.newKey().getAsLong();
        file.reset(randBytes);
        NetAddress[] slots = new NetAddress[PeerSlotHash.SLOTS];
        Arrays.fill(slots, EMPTY);
        return new PeerCache(file, randBytes, slots, settings, origin, why);
    }

    public Origin origin() {
        return origin;
    }

    /** Why the file found at open was thrown away, if it was. */
    public Optional<String> discardedBecause() {
        return discardedBecause;
    }

    /** The file's hash key. */
    public long randBytes() {
        return hash.randBytes();
    }

    /** The only slot {@code address} (its addr and port) can occupy. */
    public int slotOf(NetAddress address) {
        return hash.slotOf(address);
    }

    /** Hearsay about {@code address}: stored subject to the ageing and replacement rules above. */
    public AddResult add(NetAddress address) {
        checkOpen();
        if (isEmpty(address) || isSelf(address.uuid())) {
            return AddResult.REFUSED;
        }
        int k = hash.slotOf(address);
        NetAddress current = slots[k];
        if (sameAddress(current, address)) {
            return AddResult.REPEAT;
        }
        long now = nowSeconds.getAsLong();
        if (!isEmpty(current)) {
            if (current.time() > now - INDIRECT_AGEING_SECS) {
                return AddResult.KEPT_RECENT;
            }
            // C: isaac64_next_uint(isaac64, 2) != 0 keeps the old entry.
            if (coin.nextInt(2) != 0) {
                return AddResult.KEPT_BY_CHANCE;
            }
        }
        store(k, withTime(address, hearsayTime(address.time(), now)));
        return AddResult.STORED;
    }

    /** The time hearsay is stored with: never in the future, never seen if stale, else 30 min older. */
    static long hearsayTime(long claimed, long now) {
        if (claimed > now) {
            return now;
        }
        if (claimed < now - MAX_AGE_SECS) {
            return 0;
        }
        // C's u32 would wrap below zero (only with a clock under 30 minutes past 1970).
        return Math.max(0, claimed - INDIRECT_AGEING_SECS);
    }

    /** We talked to {@code address} ourselves: it takes its slot unconditionally, seen now. */
    public void refresh(NetAddress address) {
        checkOpen();
        if (isEmpty(address) || isSelf(address.uuid())) {
            return;
        }
        store(hash.slotOf(address), withTime(address, nowSeconds.getAsLong()));
    }

    /** Records the uuid a peer at a cached address told us; true if the address was cached. */
    public boolean updateUuid(NetAddress address) {
        checkOpen();
        int k = hash.slotOf(address);
        NetAddress current = slots[k];
        if (isEmpty(current) || !sameAddress(current, address) || isSelf(address.uuid())) {
            return false;
        }
        store(k, new NetAddress(current.time(), current.addr(), current.port(), current.unused(), address.uuid()));
        return true;
    }

    /**
     * Forgets {@code address} if it is cached; true if it was. Without {@code onDisk} it comes back at
     * the next start, which C uses when a connect fails while we have no peers (our network may be
     * the one that is down).
     */
    public boolean delete(NetAddress address, boolean onDisk) {
        checkOpen();
        int k = hash.slotOf(address);
        if (isEmpty(slots[k]) || !sameAddress(slots[k], address)) {
            return false;
        }
        slots[k] = EMPTY;
        if (onDisk) {
            write(k);
        }
        return true;
    }

    /** Forgets, in memory and on disk, every entry carrying {@code uuid}; returns how many. */
    public int removeUuid(NodeUuid uuid) {
        checkOpen();
        if (uuid.isZero()) {
            throw new IllegalArgumentException("the zero uuid means unknown, not one node");
        }
        int removed = 0;
        for (int k = 0; k < slots.length; k++) {
            if (!isEmpty(slots[k]) && slots[k].uuid().equals(uuid)) {
                store(k, EMPTY);
                removed++;
            }
        }
        return removed;
    }

    /** The cached entry for {@code address}'s addr and port, if any. */
    public Optional<NetAddress> lookup(NetAddress address) {
        checkOpen();
        NetAddress current = slots[hash.slotOf(address)];
        return isEmpty(current) || !sameAddress(current, address) ? Optional.empty() : Optional.of(current);
    }

    /**
     * Entries in slot order, empty slots skipped. Like C's slot cursor it sees changes made while
     * iterating (so {@code fill_peers} may delete the entry it just tried), and never fails on them.
     */
    @Override
    public Iterator<NetAddress> iterator() {
        checkOpen();
        return new Iterator<>() {
            private int cursor;

            @Override
            public boolean hasNext() {
                while (cursor < slots.length && isEmpty(slots[cursor])) {
                    cursor++;
                }
                return cursor < slots.length;
            }

            @Override
            public NetAddress next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return slots[cursor++];
            }
        };
    }

    /** Every entry, in slot order: the body of our PEERS reply to GET_PEERS (C's peer.c recv_get_peers). */
    public List<NetAddress> addresses() {
        List<NetAddress> out = new ArrayList<>();
        iterator().forEachRemaining(out::add);
        return List.copyOf(out);
    }

    /** Number of occupied slots. */
    public int size() {
        return addresses().size();
    }

    private void store(int k, NetAddress address) {
        slots[k] = address;
        write(k);
    }

    private void write(int k) {
        try {
            file.writeSlot(k, slots[k]);
        } catch (IOException e) {
            LOG.warn("trouble writing {} slot {}: {}", file.path(), k, e.toString());
        }
    }

    private boolean isSelf(NodeUuid uuid) {
        return uuid.equals(self);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("peer cache is closed");
        }
    }

    private static NetAddress withTime(NetAddress a, long time) {
        return new NetAddress(time, a.addr(), a.port(), a.unused(), a.uuid());
    }

    /** C's {@code same_address}: the 16 address bytes and the port; time and uuid do not count. */
    static boolean sameAddress(NetAddress a, NetAddress b) {
        return a.port() == b.port() && a.addr().equals(b.addr());
    }

    /** A slot is empty iff its 16 address bytes are all zero (C's peer_cache.c is_zero_addr). */
    static boolean isEmpty(NetAddress a) {
        for (int i = 0; i < NetAddress.ADDR_LENGTH; i++) {
            if (a.addr().get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Releases the lock and the file. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            file.close();
        }
    }
}
