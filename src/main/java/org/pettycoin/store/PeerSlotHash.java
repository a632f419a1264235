package org.pettycoin.store;

import org.pettycoin.protocol.NetAddress;

/**
 * Which peer-cache slot an address belongs in (C's peer_cache.c peer_hash_entry). The file's random
 * key seeds the hash so that nobody outside can pick addresses that all land on, and evict, the same
 * slot.
 *
 * @param randBytes the {@code le64 randbytes} at the start of the file
 */
public record PeerSlotHash(long randBytes) {
    /** {@code PEER_HASH_BITS} (C's peer_cache.c): 4096 slots, one possible slot per address, no chaining. */
    public static final int SLOT_BITS = 12;

    public static final int SLOTS = 1 << SLOT_BITS;

    /**
     * {@code hash64_any(addr[16], randbytes + port) mod 4096}: ccan folds the u64 seed to 32 bits and
     * the slot comes from the low word, lookup3's {@code hashlittle} result.
     */
    public int slotOf(NetAddress address) {
        long seed = randBytes + address.port();
        int low = (int) Lookup3.hash64Any(address.addr().toByteArray(), seed);
        return Integer.remainderUnsigned(low, SLOTS);
    }
}
