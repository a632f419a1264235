package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.Origin;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.consensus.InputVerdict;
import org.pettycoin.consensus.KnownTx;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxShards;
import org.pettycoin.daemon.Node;
import org.pettycoin.net.Request;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** sendrawtransaction and gettransaction (C's sendrawtransaction.c, gettransaction.c). */
final class TxCommands {
    private static final Logger LOG = LoggerFactory.getLogger(TxCommands.class);

    private final Node node;

    TxCommands(Node node) {
        this.node = node;
    }

    RpcCommand sendrawtransaction() {
        return RpcCommand.of(
                "sendrawtransaction",
                "Send a transaction to the network",
                "The transaction is a hex string.",
                List.of("tx"),
                this::send);
    }

    RpcCommand gettransaction() {
        return RpcCommand.of("gettransaction", "Dump a transaction", "Takes <txid>", List.of("txid"), this::get);
    }

    /**
     * The tx goes through the same checks and pool as a peer's; kept ones are relayed and their
     * unknown inputs asked for. Hex digits A–F decode correctly here (C decoded them wrongly).
     */
    private JsonNode send(Params p) throws IOException {
        JsonNode param = p.get("tx").orElseThrow(() -> new RpcException("Need a tx parameter"));
        byte[] bytes;
        try {
            bytes = Hex.decode(Params.text(param));
        } catch (IllegalArgumentException e) {
            throw new RpcException("Invalid hex string for tx");
        }
        Tx tx;
        try {
            tx = TxCodec.decode(bytes);
        } catch (ProtocolException e) {
            throw new RpcException("Error unmarshalling tx: " + e.code().cName());
        }
        Hash256 txid = TxHashes.txid(tx);
        return node.call(() -> {
            ChainState.TxSubmission s;
            try {
                s = node.input().submitTx(tx, Origin.LOCAL);
            } catch (ProtocolException e) {
                throw new RpcException("tx has an error: " + e.code().cName());
            }
            PendingPool.Admission a = s.admission();
            if (a.status() == PendingPool.Status.ALREADY_KNOWN) {
                throw new RpcException("Transaction already known");
            }
            if (a instanceof PendingPool.Admission.Refused r) {
                throw new RpcException(refusal(r));
            }
            if (a.status() == PendingPool.Status.NOT_HELD) {
                // docs/c-differences.md #52: a wallet expects its tx pending where it sent it, which cannot be here.
                throw new RpcException("this node holds shards " + node.state().interests()
                        + " only; the tx is of shard " + TxShards.shardOf(tx, Protocol.INITIAL_SHARD_ORDER)
                        + ", whose inputs it cannot check: send it to a node that holds that shard");
            }
            ObjectNode o = RpcJson.object();
            o.put("tx", txid.hex());
            // A tx the fee policy dropped is reported as sent, as C's add_pending_tx reports it.
            if (a.verdict().kind() == InputVerdict.Kind.UNKNOWN && a.status() != PendingPool.Status.POLICY_DROPPED) {
                Hash256 input = tx.inputs().get(a.verdict().input()).txid();
                o.putObject("unknown_input")
                        .put("input_num", a.verdict().input())
                        .put("tx", input.hex());
            }
            node.network().want(s.wantedTxs().stream().map(Request::tx).toList());
            node.network().announce(tx);
            LOG.info("JSON gave us TX {}", txid.hex());
            return o;
        });
    }

    /** C's messages for {@code add_pending_tx}'s refusals. */
    private static String refusal(PendingPool.Admission.Refused a) {
        int n = a.verdict().input();
        return switch (a.verdict().kind()) {
            case BAD -> a.tooOld() ? "Input " + n + " is too old" : "Input " + n + " is invalid";
            case BAD_AMOUNT -> "Amount does not add up";
            case DOUBLESPEND -> "Input " + n + " already spent";
            case CLAIM_BAD -> "Claim is bad";
            default -> throw new IllegalStateException("refused with verdict " + a.verdict());
        };
    }

    private JsonNode get(Params p) throws IOException {
        JsonNode param = p.get("txid").orElseThrow(() -> new RpcException("Needs 'txid'"));
        Hash256 txid = ChainCommands.hash(param)
                .orElseThrow(() -> new RpcException("txid " + Params.shown(param) + " not valid"));
        return node.call(() -> describe(node.state(), txid, Params.shown(param)));
    }

    /**
     * Pending first (confirmations 0, no block), then a slot on the preferred chain (confirmations =
     * preferred height − block height, so 0 at the tip, as in C), then one below another chain head
     * (confirmations 0). A slot whose tx we know only by hash shows the tx if we hold a copy
     * elsewhere, and is otherwise reported unknown (C crashed on it).
     */
    private static ObjectNode describe(ChainState state, Hash256 txid, String shown) {
        Optional<Tx> pending = state.pending().get(txid);
        if (pending.isPresent()) {
            return RpcJson.tx(pending.get(), Optional.empty(), 0);
        }
        BlockNode preferred = state.tree().heads().preferred();
        Optional<KnownTx> known = state.findInChain(preferred, txid);
        for (BlockNode head : heads(state)) {
            if (known.isPresent()) {
                break;
            }
            known = state.findInChain(head, txid);
        }
        Optional<Tx> tx = known.flatMap(KnownTx::tx).or(() -> state.anyTx(txid));
        if (tx.isEmpty()) {
            throw new RpcException(
                    known.isPresent()
                            ? "Unknown tx " + shown + ": block "
                                    + known.get().slot().block().id().hex() + " holds only its hash"
                            : "Unknown tx " + shown);
        }
        Optional<BlockNode> block = known.map(k -> k.slot().block());
        long confirmations = block.filter(b -> b.precedes(preferred))
                .map(b -> preferred.height() - b.height())
                .orElse(0L);
        return RpcJson.tx(tx.get(), block, confirmations);
    }

    private static List<BlockNode> heads(ChainState state) {
        List<BlockNode> all = new ArrayList<>(state.tree().heads().longestChains());
        all.addAll(state.tree().heads().longestKnowns());
        return all;
    }
}
