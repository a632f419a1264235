package org.pettycoin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.TransferTx;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;

/** A transaction as JSON: id, every field (addresses in pettycoin test-net style, as the node prints them), hex. */
final class TxJson {
    private TxJson() {}

    static ObjectNode of(Tx tx) {
        ObjectNode o = Json.object();
        o.put("txid", TxHashes.txid(tx).hex());
        o.put("type", tx.type().name());
        o.put("pays_fee", tx.paysFee());
        o.put("features", tx.features());
        if (tx instanceof TransferTx t) {
            o.put("input_key", t.inputKey().hex());
            o.put("input_address", address(Hash160.addressOf(t.inputKey())));
            o.put(
                    t.type() == org.pettycoin.protocol.TxType.NORMAL ? "output_addr" : "to_gateway_addr",
                    address(t.destination()));
            o.put("send_amount", t.sendAmount());
            o.put("change_amount", t.changeAmount());
            inputs(o.putArray("inputs"), t.inputs());
        } else if (tx instanceof FromGatewayTx g) {
            o.put("gateway_key", g.gatewayKey().hex());
            ArrayNode outs = o.putArray("outputs");
            for (GatewayPayment p : g.outputs()) {
                outs.addObject().put("send_amount", p.sendAmount()).put("output_addr", address(p.outputAddr()));
            }
        } else {
            ClaimTx c = (ClaimTx) tx;
            o.put("input_key", c.inputKey().hex());
            o.put("amount", c.amount());
            inputs(o.putArray("inputs"), c.inputs());
        }
        o.put("signature", tx.signature().hex());
        o.put("hex", Hex.encode(TxCodec.encode(tx)));
        return o;
    }

    private static void inputs(ArrayNode arr, java.util.List<Input> inputs) {
        for (Input in : inputs) {
            arr.addObject().put("input", in.txid().hex()).put("output", in.output());
        }
    }

    static String address(Address a) {
        return AddressCodec.encode(a, AddressStyle.PETTYCOIN_TEST);
    }
}
