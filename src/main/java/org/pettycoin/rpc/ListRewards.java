package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Feature;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.consensus.Rewards;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxRefHash;

/**
 * listrewards (ours; C has none): the block rewards an address has earned on the best known chain (the
 * mining head's), oldest first, each with where it stands, and whether a claim mined now would be judged
 * by the rule that pays ({@link Feature#REWARDS} active and known) or by C's, which refuses every claim.
 * Blocks without txs have no reward tx (C's reward.c reward_get_tx) and are left out.
 */
final class ListRewards {
    /** The reward period has not ended on this chain: the decider (block at reward_end) is not there yet. */
    static final String PERIOD_OPEN = "period_open";
    /** The reward tx is decided and pays a fee: claimable. */
    static final String DECIDED = "decided";
    /** The reward tx is decided but pays no fee: nothing to claim. */
    static final String ZERO = "zero";
    /** A claim of it is in the chain or pending. */
    static final String CLAIMED = "claimed";
    /** Decided, but this node holds only the hash of the reward tx. */
    static final String TX_UNKNOWN = "reward_tx_unknown";

    private final Node node;

    ListRewards(Node node) {
        this.node = node;
    }

    RpcCommand command() {
        return RpcCommand.of(
                "listrewards",
                "show the block rewards of a given address",
                "<address> - every block on the best known chain whose fees_to is <address> and which holds txs, "
                        + "oldest first: height, block, state (period_open until the block at decided_at exists; "
                        + "decided with the reward tx, the claim input and the amount; zero if the reward tx pays no "
                        + "fee; claimed with the claim's txid), and whether the rewards feature is active for a "
                        + "claim mined now (if not, the node refuses every claim, as the C node does).",
                List.of("address"),
                this::run);
    }

    private JsonNode run(Params p) throws IOException {
        Address address = p.testNetAddress("address");
        return node.call(() -> list(node.state(), address));
    }

    private static ObjectNode list(ChainState state, Address address) {
        BlockNode tip = state.miningHead();
        List<BlockNode> earned = new ArrayList<>();
        for (Optional<BlockNode> b = Optional.of(tip);
                b.isPresent();
                b = b.get().parent()) {
            BlockNode block = b.get();
            if (block.block().totalTxs() > 0 && block.block().header().feesTo().equals(address)) {
                earned.add(block);
            }
        }
        Collections.reverse(earned);
        ObjectNode out = RpcJson.object();
        out.put("address", RpcJson.address(address));
        out.put("height", tip.height());
        out.put("rewards_active", state.claimRuleForNextBlock().paysRewards());
        out.put("rewards_known", Feature.REWARDS.in(state.knownFeatures()));
        ArrayNode rewards = out.putArray("rewards");
        earned.forEach(b -> rewards.add(reward(state, tip, b)));
        return out;
    }

    /** One reward as seen by a claim mined on {@code tip}. */
    private static ObjectNode reward(ChainState state, BlockNode tip, BlockNode block) {
        ObjectNode o = RpcJson.object();
        o.put("height", block.height());
        o.put("block", block.id().hex());
        long end = Rewards.rewardEnd(block.height());
        o.put("decided_at", end);
        Optional<Rewards.Slot> slot = Rewards.rewardTx(block, tip, tip.height() + 1);
        if (slot.isEmpty()) {
            o.put("state", PERIOD_OPEN);
            return o;
        }
        Rewards.Slot s = slot.get();
        ObjectNode tx = o.putObject("reward_tx").put("shard", s.shard()).put("txoff", s.txoff());
        Optional<Hash256> txid = state.hashAt(block, s.shard(), s.txoff()).map(TxRefHash::txid);
        txid.ifPresent(id -> tx.put("txid", id.hex()));
        Optional<Tx> rewardTx = state.txAt(block, s.shard(), s.txoff());
        if (rewardTx.isEmpty() || txid.isEmpty()) {
            o.put("state", TX_UNKNOWN);
            return o;
        }
        long amount = Rewards.rewardAmount(block.block(), rewardTx.get());
        int output = Rewards.claimOutput(rewardTx.get());
        o.put("amount", amount);
        o.putObject("claim_input").put("input", txid.get().hex()).put("output", output);
        if (amount == 0) {
            o.put("state", ZERO);
            return o;
        }
        for (Hash256 spender : state.spendersOf(txid.get(), output)) {
            boolean pending = state.pending().contains(spender);
            if (pending || state.findInChain(tip, spender).isPresent()) {
                o.put("state", CLAIMED);
                o.putObject("claim").put("txid", spender.hex()).put("pending", pending);
                return o;
            }
        }
        o.put("state", DECIDED);
        return o;
    }
}
