package org.pettycoin.rpc;

import java.util.Arrays;
import java.util.List;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxSigning;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.crypto.Secp256k1;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;

/** Keys and signed txs for RPC tests: everyone may act as a gateway on our networks. */
final class Wallet {
    static final TxSigning SIGNING = new TxSigning();
    static final PrivateKey GATEWAY = key(1);

    private Wallet() {}

    static PrivateKey key(int n) {
        byte[] b = new byte[PrivateKey.LENGTH];
        Arrays.fill(b, (byte) n);
        return PrivateKey.of(b);
    }

    static Address addr(PrivateKey k) {
        return Hash160.addressOf(Secp256k1.get().publicKeyOf(k));
    }

    static String text(PrivateKey k) {
        return AddressCodec.encode(addr(k), AddressStyle.PETTYCOIN_TEST);
    }

    static FromGatewayTx fund(PrivateKey to, long amount) {
        return SIGNING.fromGateway(GATEWAY, List.of(new GatewayPayment(amount, addr(to))), false);
    }

    static NormalTx pay(PrivateKey from, PrivateKey to, long send, long change, Input... inputs) {
        return SIGNING.normal(from, addr(to), send, change, List.of(inputs), false);
    }

    static Input out(Tx tx, int n) {
        return new Input(TxHashes.txid(tx), n);
    }

    static String hex(Tx tx) {
        return Hex.encode(TxCodec.encode(tx));
    }

    static String id(Tx tx) {
        return TxHashes.txid(tx).hex();
    }
}
