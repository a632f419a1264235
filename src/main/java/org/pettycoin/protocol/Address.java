package org.pettycoin.protocol;

/** A 20-byte address: RIPEMD160(SHA256(compressed pubkey)), as in bitcoin's hash160 (C's addr.h pubkey_to_addr). */
public final class Address extends FixedBytes {
    public static final int LENGTH = 20;
    public static final Address ZERO = new Address(new byte[LENGTH]);

    private Address(byte[] bytes) {
        super(bytes, LENGTH);
    }

    public static Address of(byte[] bytes) {
        return new Address(bytes);
    }

    public static Address fromHex(String hex) {
        return new Address(Hex.decode(hex, LENGTH));
    }

    /** The shard this address belongs to at {@code order}: its top {@code order} bits (C's shard.h shard_of). */
    public int shard(int order) {
        if (order < 0 || order > Protocol.MAX_SHARD_ORDER) {
            throw new IllegalArgumentException("shard order " + order);
        }
        return (getUnsigned(0) << 8 | getUnsigned(1)) >>> (16 - order);
    }
}
