package org.pettycoin.consensus;

import java.util.Arrays;
import java.util.Comparator;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;

/**
 * Which shard a tx belongs to and the canonical order of txs within a shard (C's
 * shard.c, tx_cmp.c).
 */
public final class TxShards {
    /** {@code tx_cmp}: by shard address, then by the marshalled bytes, shorter first on a tie. */
    public static final Comparator<Tx> CANONICAL_ORDER = TxShards::compare;

    private TxShards() {}

    /**
     * The address that places a tx: the input key's address, or for a from-gateway tx its first
     * output's address. A from-gateway tx with no outputs has none (the C node reads past the end;
     * we reject such txs before asking, docs/c-differences.md #12).
     *
     * @throws IllegalArgumentException for a from-gateway tx without outputs
     */
    public static Address shardAddress(Tx tx) {
        if (tx instanceof FromGatewayTx g) {
            if (g.outputs().isEmpty()) {
                throw new IllegalArgumentException("a from-gateway tx with no outputs has no shard");
            }
            return g.outputs().get(0).outputAddr();
        }
        return Hash160.addressOf(tx.signingKey());
    }

    /** {@code shard_of_tx}: the shard of {@link #shardAddress} at {@code order}. */
    public static int shardOf(Tx tx, int order) {
        return shardAddress(tx).shard(order);
    }

    private static int compare(Tx a, Tx b) {
        int c = shardAddress(a).compareTo(shardAddress(b));
        if (c != 0) {
            return c;
        }
        byte[] ea = TxCodec.encode(a);
        byte[] eb = TxCodec.encode(b);
        int common = Math.min(ea.length, eb.length);
        c = Arrays.compareUnsigned(ea, 0, common, eb, 0, common);
        return c != 0 ? c : Integer.compare(ea.length, eb.length);
    }
}
