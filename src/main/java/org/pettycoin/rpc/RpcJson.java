package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.ToGatewayTx;
import org.pettycoin.protocol.Tx;

/**
 * The pieces of JSON several commands share, with C's field names: a block reference
 * ({@code sha}, {@code height}) and the transaction object of C's
 * {@code json_add_tx.c}. Addresses print in the native test-net form ({@code q…}), as C prints them on both of
 * our networks (both use test-net addresses).
 */
final class RpcJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RpcJson() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static String address(Address a) {
        return AddressCodec.encode(a, AddressStyle.PETTYCOIN_TEST);
    }

    /** getinfo's {@code { "sha", "height" }}. */
    static ObjectNode blockRef(BlockNode b) {
        ObjectNode o = object();
        o.put("sha", b.id().hex());
        o.put("height", b.height());
        return o;
    }

    static ArrayNode blockRefs(List<BlockNode> blocks) {
        ArrayNode a = array();
        blocks.forEach(b -> a.add(blockRef(b)));
        return a;
    }

    /**
     * {@code json_add_tx}: common fields, then those of its type. Unlike C, a FROM_GATEWAY tx
     * shows its own signature (C printed 64 bytes from a NORMAL tx's signature offset).
     */
    static ObjectNode tx(Tx tx, Optional<BlockNode> block, long confirmations) {
        ObjectNode o = object();
        o.put("txid", TxHashes.txid(tx).hex());
        block.ifPresent(b -> o.put("block", b.id().hex()));
        o.put("confirmations", confirmations);
        o.put("version", Protocol.VERSION);
        o.put("features", tx.features());
        if (tx instanceof NormalTx n) {
            o.put("type", "TX_NORMAL");
            o.put("input_key", n.inputKey().hex());
            o.put("output_addr", address(n.outputAddr()));
            transfer(o, n.sendAmount(), n.changeAmount(), tx);
        } else if (tx instanceof ToGatewayTx t) {
            o.put("type", "TX_TO_GATEWAY");
            o.put("input_key", t.inputKey().hex());
            o.put("output_addr", address(t.destination()));
            transfer(o, t.sendAmount(), t.changeAmount(), tx);
        } else if (tx instanceof FromGatewayTx g) {
            o.put("type", "TX_FROM_GATEWAY");
            o.put("gateway_key", g.gatewayKey().hex());
            o.put("signature", g.signature().hex());
            ArrayNode vout = o.putArray("vout");
            for (GatewayPayment p : g.outputs()) {
                vout.addObject().put("send_amount", p.sendAmount()).put("output_addr", address(p.outputAddr()));
            }
        } else {
            ClaimTx c = (ClaimTx) tx;
            o.put("type", "TX_CLAIM");
            o.put("input_key", c.inputKey().hex());
            o.put("amount", c.amount());
            o.put("claim", c.signature().hex());
            o.set("input", input(c.input()));
        }
        return o;
    }

    private static void transfer(ObjectNode o, long send, long change, Tx tx) {
        o.put("send_amount", send);
        o.put("change_amount", change);
        o.put("signature", tx.signature().hex());
        ArrayNode vin = o.putArray("vin");
        tx.inputs().forEach(in -> vin.add(input(in)));
    }

    private static ObjectNode input(Input in) {
        return object().put("input", in.txid().hex()).put("output", in.output());
    }
}
