package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.crypto.PrivateKeyCodec;
import org.pettycoin.testing.CliRunner;
import org.pettycoin.testing.RewardChain;
import org.pettycoin.testing.ShortTempDir;
import org.pettycoin.testing.TestTxs;

/**
 * {@code devnet --claim}: a node whose directory holds a voting chain up to 4031 with a decided reward
 * of its wallet key (the key it mines to with --claim) claims it once the feature is active, and says
 * so; its miner puts the claim into a block.
 */
class DevnetClaimTest {
    @Test
    @Timeout(90)
    void aDevnetNodeClaimsItsDecidedReward() throws Exception {
        try (ShortTempDir temp = ShortTempDir.create("dc")) {
            Path dir = temp.path();
            long now = RewardChain.clockFor(4100);
            ChainState built = new ChainState(Network.REGTEST, ChainState.Config.DEFAULT, () -> now, () -> now * 1000);
            RewardChain chain = RewardChain.build(built, RewardChain.ACTIVE_FROM - 1);
            Path node1 = dir.resolve("node1");
            Files.createDirectories(node1);
            chain.writeBlockfile(node1.resolve("blockfile"));
            Files.writeString(
                    node1.resolve(WalletCommand.KEY_FILE),
                    PrivateKeyCodec.encode(RewardChain.CLAIMER, AddressStyle.PETTYCOIN_TEST) + "\n");
            CliRunner.Result r = CliRunner.run(
                    "devnet",
                    "--nodes",
                    "1",
                    "--dir",
                    dir.toString(),
                    "--claim",
                    "--mocktime",
                    Long.toString(now),
                    "--block-pause",
                    "1",
                    "--until-height",
                    "4036",
                    "--timeout",
                    "60");
            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("node1: claimed 29.22 bits from block 3901: tx " + TestTxs.id(chain.claim()));
            CliRunner.Result check = CliRunner.run(
                    "blockfile",
                    "check",
                    "--network",
                    "regtest",
                    "--mocktime",
                    Long.toString(now + 600),
                    node1.resolve("blockfile").toString());
            assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
            JsonNode report = new ObjectMapper().readTree(check.out());
            assertThat(report.path("txs").asLong())
                    .as("the two deposits and the claim")
                    .isEqualTo(3);
            assertThat(report.path("invalid_blocks")).as(check.out()).isEmpty();
        }
    }
}
