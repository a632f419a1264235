package org.pettycoin.store;

import java.util.Arrays;
import java.util.Optional;
import org.pettycoin.protocol.ByteReader;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.StructCodec;

/**
 * A peer cache read from disk, and C's {@code check_peer_cache} on it (peer_cache.c): a file that
 * fails is thrown away whole, since a slot out of place means the key or the layout is not ours.
 */
final class PeerCacheImage {
    private final long randBytes;
    private final NetAddress[] slots;

    private PeerCacheImage(long randBytes, NetAddress[] slots) {
        this.randBytes = randBytes;
        this.slots = slots;
    }

    /** Decodes a full-length file image; anything shorter is the caller's "short file". */
    static PeerCacheImage decode(byte[] bytes) {
        if (bytes.length < PeerCacheFile.FILE_LENGTH) {
            throw new IllegalArgumentException("peer_cache image of " + bytes.length + " bytes");
        }
        try {
            ByteReader r = new ByteReader(bytes, 0, PeerCacheFile.FILE_LENGTH);
            long randBytes = r.u64();
            NetAddress[] slots = new NetAddress[PeerSlotHash.SLOTS];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = StructCodec.decodeNetAddress(r);
            }
            return new PeerCacheImage(randBytes, slots);
        } catch (ProtocolException e) {
            throw new IllegalStateException("a full-length image cannot run short", e);
        }
    }

    long randBytes() {
        return randBytes;
    }

    /** A copy of the slots, empty ones included. */
    NetAddress[] slots() {
        return Arrays.copyOf(slots, slots.length);
    }

    /** Why this file cannot be used, if it cannot: an entry from the future or out of its slot. */
    Optional<String> problem(long nowSeconds) {
        PeerSlotHash hash = new PeerSlotHash(randBytes);
        for (int i = 0; i < slots.length; i++) {
            NetAddress a = slots[i];
            if (PeerCache.isEmpty(a)) {
                continue;
            }
            if (a.time() > nowSeconds) {
                return Optional.of("entry " + i + " is in the future (" + a.time() + " > " + nowSeconds + ")");
            }
            int home = hash.slotOf(a);
            if (home != i) {
                return Optional.of("entry " + i + " belongs in slot " + home);
            }
        }
        return Optional.empty();
    }
}
