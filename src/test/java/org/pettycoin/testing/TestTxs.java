package org.pettycoin.testing;

import java.util.List;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxSigning;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;

/** Signed txs from {@link TestKeys}, feeless unless a test says otherwise. */
public final class TestTxs {
    public static final TxSigning SIGNING = new TxSigning();
    /** The gateway of the tests that fund keys: key 1. */
    public static final PrivateKey GATEWAY = TestKeys.key(1);

    private TestTxs() {}

    /** {@link #GATEWAY} pays {@code amount} to {@code to}'s address. */
    public static FromGatewayTx fund(PrivateKey to, long amount) {
        return SIGNING.fromGateway(GATEWAY, List.of(new GatewayPayment(amount, TestKeys.address(to))), false);
    }

    /** {@code from} pays {@code send} to {@code to}, keeping {@code change}, spending {@code inputs}. */
    public static NormalTx pay(PrivateKey from, Address to, long send, long change, Input... inputs) {
        return SIGNING.normal(from, to, send, change, List.of(inputs), false);
    }

    public static NormalTx pay(PrivateKey from, PrivateKey to, long send, long change, Input... inputs) {
        return pay(from, TestKeys.address(to), send, change, inputs);
    }

    /** Output {@code n} of {@code tx}, as an input names it. */
    public static Input out(Tx tx, int n) {
        return new Input(TxHashes.txid(tx), n);
    }

    /** The tx's bytes in hex, as {@code sendrawtransaction} takes them. */
    public static String hex(Tx tx) {
        return Hex.encode(TxCodec.encode(tx));
    }

    /** The txid in hex. */
    public static String id(Tx tx) {
        return TxHashes.txid(tx).hex();
    }
}
