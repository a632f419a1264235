package org.pettycoin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxSigning;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.crypto.Secp256k1;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.TxCodec;
import org.pettycoin.rpc.RpcClient;

/**
 * Claiming a key's block rewards through a node's JSON-RPC, for {@code pettycoin wallet claim} and
 * {@code devnet --claim}: {@code listrewards} says which rewards of the key's address are decided and
 * unclaimed, and for each a TX_CLAIM of the whole amount (no fee bit, so the claim's amount is what the
 * reward is worth: C's check_tx.c correct_amount) is signed and sent with {@code sendrawtransaction}.
 */
final class RewardClaims {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RewardClaims() {}

    /** One JSON-RPC call; an error reply is a response, not an exception. */
    @FunctionalInterface
    interface Rpc {
        RpcClient.Response call(String method, ArrayNode params) throws IOException;
    }

    /** A decided, unclaimed, non-zero reward. */
    record Claimable(long height, Hash256 block, Input input, long amount) {}

    /** What one round of claiming did. */
    sealed interface Outcome {}

    /**
     * Nothing sent: the rewards feature is not active for a claim mined now (or this node does not
     * know it), so the node would refuse every claim, as a C node does.
     */
    record NotActive(List<Claimable> waiting, boolean nodeKnowsFeature) implements Outcome {}

    /** Claims sent (and the node's reply to each refused one). */
    record Claimed(List<Sent> sent, List<Refused> refused) implements Outcome {}

    record Sent(Claimable reward, Hash256 txid, long amount) {}

    record Refused(Claimable reward, String error) {}

    static Address addressOf(PrivateKey key) {
        return Hash160.addressOf(Secp256k1.get().publicKeyOf(key));
    }

    /** The claims to make from a {@code listrewards} result. */
    static List<Claimable> claimable(JsonNode listed) {
        List<Claimable> out = new ArrayList<>();
        for (JsonNode r : listed.path("rewards")) {
            if (r.path("state").asText().equals("decided")) {
                JsonNode in = r.path("claim_input");
                out.add(new Claimable(
                        r.path("height").asLong(),
                        Hash256.fromHex(r.path("block").asText()),
                        new Input(
                                Hash256.fromHex(in.path("input").asText()),
                                in.path("output").asInt()),
                        r.path("amount").asLong()));
            }
        }
        return out;
    }

    /** The signed claim of {@code reward} by {@code key}: the whole amount, no fee. */
    static ClaimTx claim(PrivateKey key, Claimable reward) {
        return new TxSigning().claim(key, reward.amount(), reward.input(), false);
    }

    /**
     * Claims every decided, unclaimed, non-zero reward of {@code key}'s address.
     *
     * @throws UserError if listrewards itself fails
     */
    static Outcome claimAll(PrivateKey key, Rpc rpc) throws IOException {
        String address = AddressCodec.encode(addressOf(key), AddressStyle.PETTYCOIN_TEST);
        RpcClient.Response listed =
                rpc.call("listrewards", JSON.createArrayNode().add(address));
        if (listed.error().isPresent()) {
            throw new UserError("listrewards: " + listed.error().get());
        }
        List<Claimable> todo = claimable(listed.result());
        if (!listed.result().path("rewards_active").asBoolean(false)) {
            return new NotActive(todo, listed.result().path("rewards_known").asBoolean(false));
        }
        List<Sent> sent = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Claimable c : todo) {
            ClaimTx tx = claim(key, c);
            RpcClient.Response r =
                    rpc.call("sendrawtransaction", JSON.createArrayNode().add(Hex.encode(TxCodec.encode(tx))));
            if (r.error().isPresent()) {
                refused.add(new Refused(c, r.error().get()));
            } else {
                sent.add(new Sent(c, TxHashes.txid(tx), tx.amount()));
            }
        }
        return new Claimed(sent, refused);
    }

    /** One line per reward for a user. */
    static List<String> describe(Outcome o) {
        List<String> lines = new ArrayList<>();
        if (o instanceof NotActive n) {
            lines.add(
                    n.nodeKnowsFeature()
                            ? "the rewards feature is not active yet: the node would refuse a claim, as the C node "
                                    + "does; nothing sent"
                            : "this node does not apply the rewards feature: it refuses every claim, as the C node "
                                    + "does; nothing sent");
            for (Claimable c : n.waiting()) {
                lines.add("  waiting: " + bits(c.amount()) + " bits from block " + c.height());
            }
        } else if (o instanceof Claimed c) {
            if (c.sent().isEmpty() && c.refused().isEmpty()) {
                lines.add("nothing to claim");
            }
            for (Sent s : c.sent()) {
                lines.add("claimed " + bits(s.amount()) + " bits from block "
                        + s.reward().height() + ": tx " + s.txid().hex());
            }
            for (Refused r : c.refused()) {
                lines.add("refused: " + bits(r.reward().amount()) + " bits from block "
                        + r.reward().height() + ": " + r.error());
            }
        }
        return lines;
    }

    private static String bits(long satoshi) {
        return WalletCommand.bits(satoshi);
    }
}
