package org.pettycoin.testing;

import java.util.Arrays;
import java.util.HexFormat;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.crypto.Secp256k1;
import org.pettycoin.protocol.Address;

/**
 * Deterministic keys and addresses, so that every run builds the same txs and chains: key {@code n}
 * is 32 bytes of {@code n}. Any key may act as a gateway on our networks.
 */
public final class TestKeys {
    private TestKeys() {}

    /** The private key of 32 bytes all {@code fill} (not 0: that is no key). */
    public static PrivateKey key(int fill) {
        byte[] b = new byte[PrivateKey.LENGTH];
        Arrays.fill(b, (byte) fill);
        return PrivateKey.of(b);
    }

    /** The address that key's (compressed) public key pays to. */
    public static Address address(PrivateKey k) {
        return Hash160.addressOf(Secp256k1.get().publicKeyOf(k));
    }

    /** The address of 20 bytes all {@code fill}, with no key behind it: a miner's or a payee's. */
    public static Address filledAddress(int fill) {
        return Address.fromHex(HexFormat.of().toHexDigits((byte) fill).repeat(20));
    }

    /** The key's address as the wallet and RPC print it on our networks (test net, pettycoin style). */
    public static String text(PrivateKey k) {
        return AddressCodec.encode(address(k), AddressStyle.PETTYCOIN_TEST);
    }

    /**
     * The first key from {@code key(from)} on whose address falls in {@code shard} at shard order
     * {@code order}: for tests that need a tx in a given shard.
     */
    public static PrivateKey inShard(int shard, int order, int from) {
        if (shard < 0 || shard >= 1 << order) {
            throw new IllegalArgumentException("no shard " + shard + " at order " + order);
        }
        for (int fill = from; fill < from + 256; fill++) {
            if ((byte) fill != 0 && address(key(fill)).shard(order) == shard) {
                return key(fill);
            }
        }
        throw new AssertionError("no key in shard " + shard + " among 256 fills from " + from);
    }
}
