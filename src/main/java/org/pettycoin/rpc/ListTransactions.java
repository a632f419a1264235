package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.consensus.Horizon;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxOutputs;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.Tx;

/**
 * listtransactions (C's listtransactions.c): every tx in the preferred chain, back
 * to the first block past the horizon, with an unspent output paying the address; oldest first,
 * confirmations counting the tip as 1. With minconf 0 the pending txs follow: unlike C, those of
 * every shard (C looked at 2 of the 4).
 */
final class ListTransactions {
    private static final List<String> PARAMS = List.of("address", "minconf");
    /** C's default: only txs in blocks. */
    private static final long DEFAULT_MINCONF = 1;

    private final Node node;

    ListTransactions(Node node) {
        this.node = node;
    }

    RpcCommand command() {
        return RpcCommand.of(
                "listtransactions",
                "show transactions to/from a given address",
                "<address> <minconf> - list all the transactions to/from a specific address as they appear in a "
                        + "block on the preferred chain, if they are >= <minconf> confirmations.  minconf defaults "
                        + "to 1; if 0, shows pending transactions.",
                PARAMS,
                this::run);
    }

    private JsonNode run(Params p) throws IOException {
        Address address = p.testNetAddress("address");
        long minconf = DEFAULT_MINCONF;
        Optional<JsonNode> m = p.get("minconf");
        if (m.isPresent()) {
            minconf = Params.number(m.get())
                    .orElseThrow(() -> new RpcException("minconf " + Params.shown(m.get()) + " not valid"));
        }
        boolean pendingToo = minconf == 0;
        long now = node.options().clock().unixSeconds();
        return node.call(() -> list(node.state(), address, pendingToo, now));
    }

    private static ArrayNode list(ChainState state, Address address, boolean pendingToo, long now) {
        List<BlockNode> window = new ArrayList<>();
        for (Optional<BlockNode> b = Optional.of(state.tree().heads().preferred());
                b.isPresent();
                b = b.get().parent()) {
            if (Horizon.expiredBy(Horizon.expiry(b.get().block()), now)) {
                break; // past the horizon its outputs can no longer be spent
            }
            window.add(b.get());
        }
        // Every spender of an output in the window is in the window too: it came later.
        Set<Input> spent = new HashSet<>();
        forEachTx(
                state, window, (tx, block) -> tx.inputs().forEach(in -> spent.add(new Input(in.txid(), in.output()))));
        // C collects tip first, slots in order, then emits the whole list backwards.
        List<JsonNode> found = new ArrayList<>();
        for (int depth = 1; depth <= window.size(); depth++) {
            long confirmations = depth;
            forEachTx(state, List.of(window.get(depth - 1)), (tx, block) -> {
                if (paysUnspent(tx, address, spent)) {
                    found.add(CJsonFormat.separate(RpcJson.tx(tx, Optional.of(block), confirmations)));
                }
            });
        }
        Collections.reverse(found);
        ArrayNode out = RpcJson.array();
        out.addAll(found);
        if (pendingToo) {
            for (Tx tx : pendingTxs(state.pending())) {
                if (paysUnspent(tx, address, spent)) {
                    out.add(RpcJson.tx(tx, Optional.empty(), 0));
                }
            }
        }
        return out;
    }

    /** Ready txs shard by shard, then the waiting ones oldest first. */
    private static List<Tx> pendingTxs(PendingPool pool) {
        List<Tx> all = new ArrayList<>();
        pool.forNextBlock().forEach(shard -> shard.forEach(r -> all.add(r.tx())));
        all.addAll(pool.waiting());
        return all;
    }

    /**
     * {@code unspent_output_affects}: some output of {@code tx} pays {@code address} and no tx in
     * the chain spends it. As in C, spends by other pending txs are not counted.
     */
    private static boolean paysUnspent(Tx tx, Address address, Set<Input> spent) {
        Hash256 txid = TxHashes.txid(tx);
        for (int k = 0; k < TxOutputs.numOutputs(tx); k++) {
            if (spent.contains(new Input(txid, k))) {
                continue;
            }
            if (TxOutputs.findOutput(tx, k)
                    .map(o -> o.address().equals(address))
                    .orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private interface TxVisitor {
        void visit(Tx tx, BlockNode block);
    }

    /** Every full tx of each block, shard by shard, in slot order. */
    private static void forEachTx(ChainState state, List<BlockNode> blocks, TxVisitor v) {
        for (BlockNode b : blocks) {
            for (int s = 0; s < b.block().numShards(); s++) {
                for (int i = 0; i < b.block().numTxs(s); i++) {
                    Optional<Tx> tx = state.txAt(b, s, i);
                    if (tx.isPresent()) {
                        v.visit(tx.get(), b);
                    }
                }
            }
        }
    }
}
