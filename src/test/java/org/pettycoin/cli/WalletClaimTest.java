package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.RewardChain.CLAIMER;
import static org.pettycoin.testing.RewardChain.OTHER_MINER;
import static org.pettycoin.testing.RewardChain.WORTH;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.consensus.Rewards;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.crypto.PrivateKeyCodec;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.mining.TxAndRefs;
import org.pettycoin.protocol.ComplainClaimInputInvalidPacket;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.testing.CliRunner;
import org.pettycoin.testing.RewardChain;
import org.pettycoin.testing.RpcTestNode;
import org.pettycoin.testing.TestKeys;
import org.pettycoin.testing.TestTxs;

/**
 * A miner's reward on a voting regtest chain (lock-in at 2016, active from 4032), claimed as a user
 * would: {@code listrewards} over JSON-RPC and {@code pettycoin wallet claim}. Before activation the
 * claim is refused as C refuses it, and a block holding it is invalidated; after, it is accepted, mined,
 * and its output spent, and a second claim of the same reward is refused.
 */
class WalletClaimTest {
    private static final String CLAIM_BAD = "Claim is bad";

    @Test
    void aRewardIsRefusedBeforeActivationAndClaimedSpentAndNotClaimedTwiceAfter() throws Exception {
        try (RpcTestNode n = RpcTestNode.start()) {
            n.result("setmocktime", RewardChain.clockFor(4100));
            Path dir = n.socket().getParent();
            Files.writeString(
                    dir.resolve(WalletCommand.KEY_FILE),
                    PrivateKeyCodec.encode(CLAIMER, AddressStyle.PETTYCOIN_TEST) + "\n");
            RewardChain c = n.node.call(() -> RewardChain.build(n.node.input(), RewardChain.DECIDED_AT));
            String me = TestKeys.text(CLAIMER);

            // Decided at 4000, but a claim mined now would sit at 4001, before activation at 4032.
            JsonNode listed = n.result("listrewards", me);
            assertThat(listed.path("rewards_active").asBoolean()).isFalse();
            assertThat(listed.path("rewards")).hasSize(2);
            JsonNode r = listed.path("rewards").get(0);
            assertThat(r.path("height").asLong()).isEqualTo(RewardChain.REWARD_HEIGHT);
            assertThat(r.path("state").asText()).isEqualTo("decided");
            assertThat(r.path("decided_at").asLong()).isEqualTo(4000);
            assertThat(r.path("amount").asLong()).isEqualTo(WORTH).isEqualTo(2922);
            assertThat(r.path("reward_tx").path("txid").asText()).isEqualTo(TestTxs.id(c.rewardTx));
            assertThat(r.path("claim_input").path("output").asInt()).isEqualTo(2);
            assertThat(listed.path("rewards").get(1).path("state").asText()).isEqualTo("zero");

            CliRunner.Result early = wallet(dir, "claim");
            assertThat(early.exitCode()).as(early.err()).isEqualTo(1);
            assertThat(early.out()).contains("not active yet").contains("29.22 bits from block 3901");
            assertThat(n.error("sendrawtransaction", TestTxs.hex(c.claim())))
                    .as("C's rule: no claim is good")
                    .isEqualTo(CLAIM_BAD);
            BlockNode holding = n.node.call(() -> RewardChain.mineHolding(n.node.input(), c.others, c.tip, c.claim()));
            assertThat(n.node.call(() -> n.node.state().complaintOf(holding)))
                    .get()
                    .isInstanceOf(ComplainClaimInputInvalidPacket.class);

            // Up to 4031: a claim mined now sits at 4032, where the feature is active.
            BlockNode head = n.node.call(() -> c.others.extend(c.tip, (int) (RewardChain.ACTIVE_FROM - 1 - 4000)));
            listed = n.result("listrewards", me);
            assertThat(listed.path("rewards_active").asBoolean()).isTrue();
            assertThat(listed.path("height").asLong()).isEqualTo(4031);

            // The rule's edges, as the pending pool applies them.
            assertThat(n.error(
                            "sendrawtransaction",
                            TestTxs.hex(TestTxs.SIGNING.claim(OTHER_MINER, WORTH, c.claimInput(), false))))
                    .as("only fees_to may claim")
                    .isEqualTo(CLAIM_BAD);
            Input wrongOutput = new Input(TxHashes.txid(c.rewardTx), 1);
            assertThat(n.error(
                            "sendrawtransaction",
                            TestTxs.hex(TestTxs.SIGNING.claim(CLAIMER, WORTH, wrongOutput, false))))
                    .as("num_outputs, not num_outputs + 1")
                    .isEqualTo(CLAIM_BAD);
            assertThat(n.error(
                            "sendrawtransaction",
                            TestTxs.hex(TestTxs.SIGNING.claim(CLAIMER, WORTH + 1, c.claimInput(), false))))
                    .as("more than the reward")
                    .isEqualTo(CLAIM_BAD);
            Input zeroInput = new Input(TxHashes.txid(c.zeroTx), Rewards.claimOutput(c.zeroTx));
            assertThat(n.error("sendrawtransaction", TestTxs.hex(TestTxs.SIGNING.claim(CLAIMER, 0, zeroInput, false))))
                    .as("a zero reward cannot be claimed")
                    .isEqualTo(CLAIM_BAD);

            CliRunner.Result claimed = wallet(dir, "claim");
            assertThat(claimed.exitCode()).as(claimed.err()).isZero();
            String claimTxid = TestTxs.id(c.claim());
            assertThat(claimed.out().strip()).isEqualTo("claimed 29.22 bits from block 3901: tx " + claimTxid);
            JsonNode pendingClaim = n.result("listrewards", me).path("rewards").get(0);
            assertThat(pendingClaim.path("state").asText()).isEqualTo("claimed");
            assertThat(pendingClaim.path("claim").path("txid").asText()).isEqualTo(claimTxid);
            assertThat(pendingClaim.path("claim").path("pending").asBoolean()).isTrue();
            assertThat(n.error("sendrawtransaction", TestTxs.hex(c.claimWithFee())))
                    .as("one claim per reward, also while pending")
                    .isEqualTo("Input 0 already spent");
            assertThat(wallet(dir, "claim").out().strip()).isEqualTo("nothing to claim");

            // Mined at 4032: the first block where it is valid.
            BlockNode withClaim = n.node.call(() -> c.others.mine(
                    head,
                    RewardChain.next(head),
                    ChainBuilder.pendingContents(n.node.state().pending())));
            assertThat(withClaim.height()).isEqualTo(RewardChain.ACTIVE_FROM);
            assertThat(n.node.call(() -> n.node.state().complaintOf(withClaim))).isEmpty();
            assertThat(n.result("gettransaction", claimTxid).path("block").asText())
                    .isEqualTo(withClaim.id().hex());
            JsonNode minedClaim = n.result("listrewards", me).path("rewards").get(0);
            assertThat(minedClaim.path("claim").path("pending").asBoolean()).isFalse();
            assertThat(n.error("sendrawtransaction", TestTxs.hex(c.claimWithFee())))
                    .as("one claim per reward per chain")
                    .isEqualTo("Input 0 already spent");

            // A reward after activation: its period is open until 4100.
            FromGatewayTx deposit = TestTxs.SIGNING.fromGateway(
                    TestTxs.GATEWAY, List.of(new GatewayPayment(40_000, TestKeys.address(OTHER_MINER))), true);
            BlockNode late = n.node.call(() -> c.claimers.mine(
                    withClaim, RewardChain.next(withClaim), List.of(new TxAndRefs(deposit, List.of()))));
            JsonNode open = n.result("listrewards", me).path("rewards").get(2);
            assertThat(open.path("height").asLong()).isEqualTo(late.height());
            assertThat(open.path("state").asText()).isEqualTo("period_open");
            assertThat(open.path("decided_at").asLong()).isEqualTo(4100);
            Input notDecided = new Input(TxHashes.txid(deposit), Rewards.claimOutput(deposit));
            assertThat(n.error("sendrawtransaction", TestTxs.hex(TestTxs.SIGNING.claim(CLAIMER, 1, notDecided, false))))
                    .as("not decided yet")
                    .isEqualTo(CLAIM_BAD);

            // The claimed coins are the wallet's: spend some.
            CliRunner.Result balance = wallet(dir, "balance");
            assertThat(balance.out().strip()).isEqualTo("0.00 bits (29.22 bits unconfirmed)");
            CliRunner.Result sent = wallet(dir, "send", TestKeys.text(OTHER_MINER), "20");
            assertThat(sent.exitCode()).as(sent.err()).isZero();
            Hash256 spend = Hash256.fromHex(sent.out().strip());
            BlockNode spentIn = n.node.call(() -> c.others.mine(
                    late,
                    RewardChain.next(late),
                    ChainBuilder.pendingContents(n.node.state().pending())));
            JsonNode spendTx = n.result("gettransaction", spend.hex());
            assertThat(spendTx.path("block").asText()).isEqualTo(spentIn.id().hex());
            assertThat(spendTx.path("vin").get(0).path("input").asText()).isEqualTo(claimTxid);
            assertThat(n.node.call(() -> n.node.state().complaintOf(spentIn))).isEmpty();
            System.out.printf(
                    "rewards: locked in at %d, active from %d; claim %s of %d satoshi mined at %d, spent by %s at %d%n",
                    RewardChain.LOCKED_IN_AT,
                    RewardChain.ACTIVE_FROM,
                    claimTxid,
                    WORTH,
                    withClaim.height(),
                    spend.hex(),
                    spentIn.height());
        }
    }

    @Test
    void listrewardsSaysWhatIsWrongWithItsArgument() throws Exception {
        try (RpcTestNode n = RpcTestNode.start()) {
            assertThat(n.error("listrewards")).isEqualTo("Needs 'address'");
            assertThat(n.error("listrewards", "nonsense")).isEqualTo("address 'nonsense' not valid");
            JsonNode none = n.result("listrewards", TestKeys.text(CLAIMER));
            assertThat(none.path("rewards")).isEmpty();
            assertThat(none.path("rewards_active").asBoolean()).isFalse();
            assertThat(n.result("help", "listrewards").path("details").asText()).contains("period_open");
        }
    }

    private static CliRunner.Result wallet(Path dir, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "wallet";
        all[1] = "--pettycoin-dir";
        all[2] = dir.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRunner.run(all);
    }
}
