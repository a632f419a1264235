package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.testing.CliRunner;
import org.pettycoin.testing.NodeProcess;
import org.pettycoin.testing.ShortTempDir;
import org.pettycoin.testing.TestKeys;

/** {@code --vote FEATURE}: what it accepts, and that a node run with it mines blocks that vote. */
@Timeout(90)
class VoteOptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WARNING = "--vote without --reward-address";

    private final List<NodeProcess> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(NodeProcess::close);
    }

    @Test
    void aKnownFeatureIsItsBitAndRepeatsOrCaseChangeNothing() {
        assertThat(VoteOption.bits(List.of())).isZero();
        assertThat(VoteOption.bits(List.of("rewards"))).isEqualTo(0x01);
        assertThat(VoteOption.bits(List.of("rewards", "REWARDS", "rewards"))).isEqualTo(0x01);
    }

    @Test
    void anUnknownFeatureIsAUsageError() {
        assertThatThrownBy(() -> VoteOption.bits(List.of("rewards", "segwit")))
                .isInstanceOfSatisfying(
                        UserError.class, e -> assertThat(e.exitCode()).isEqualTo(UserError.USAGE_EXIT_CODE))
                .hasMessage("--vote: unknown feature 'segwit' (this build knows: rewards)");
    }

    @Test
    void nodeAndDevnetRefuseAnUnknownFeatureWithOneLineAndExitTwo() throws Exception {
        try (ShortTempDir temp = ShortTempDir.create("vo")) {
            CliRunner.Result r = CliRunner.run(
                    "node", "--pettycoin-dir", temp.path().toString(), "--network", "regtest", "--vote", "segwit");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip()).doesNotContain("\n").contains("--vote: unknown feature 'segwit'");
            r = CliRunner.run("devnet", "--dir", temp.path().toString(), "--vote", "rewards", "--vote", "segwit");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip()).doesNotContain("\n").contains("--vote: unknown feature 'segwit'");
            assertThat(temp.path().resolve("node1")).doesNotExist();
        }
    }

    @Test
    void aMinerVotingFromItsConfigFileMinesBlocksThatVoteForRewards() throws Exception {
        try (ShortTempDir temp = ShortTempDir.create("vo")) {
            Path data = temp.path().resolve("n");
            Files.createDirectories(data);
            String reward = AddressCodec.encode(TestKeys.filledAddress(0x31), AddressStyle.PETTYCOIN_TEST);
            Files.writeString(
                    data.resolve("config"),
                    "network=regtest\nseeding\nvote=rewards\nreward-address=" + reward + "\nmining-threads=1\n");
            NodeProcess p = start(temp.path().resolve("n.log"), "--pettycoin-dir", data.toString());
            String log = p.await("mined block", Duration.ofSeconds(60));
            assertThat(log).contains("our blocks vote for rewards").doesNotContain(WARNING);
            JsonNode block = firstBlock(data);
            assertThat(block.get("features_vote").asInt()).isEqualTo(0x01);
            assertThat(block.get("pending_features").asInt()).isZero();
            assertThat(block.get("active_features").asInt()).isZero();
        }
    }

    @Test
    void aMinerWithoutVotesVotesZeroAsCAndANodeThatDoesNotMineIsWarnedOnce() throws Exception {
        try (ShortTempDir temp = ShortTempDir.create("vo")) {
            Path data = temp.path().resolve("n");
            String reward = AddressCodec.encode(TestKeys.filledAddress(0x32), AddressStyle.PETTYCOIN_TEST);
            NodeProcess miner = start(
                    temp.path().resolve("m.log"),
                    "--pettycoin-dir",
                    data.toString(),
                    "--network",
                    "regtest",
                    "--seeding",
                    "--reward-address",
                    reward,
                    "--mining-threads",
                    "1");
            miner.await("mined block", Duration.ofSeconds(60));
            assertThat(firstBlock(data).get("features_vote").asInt()).isZero();

            Path idle = temp.path().resolve("i");
            NodeProcess node = start(
                    temp.path().resolve("i.log"),
                    "--pettycoin-dir",
                    idle.toString(),
                    "--network",
                    "regtest",
                    "--seeding",
                    "--vote",
                    "rewards",
                    "--vote",
                    "rewards");
            String log = node.await("listening on port", Duration.ofSeconds(30));
            assertThat(log.lines().filter(l -> l.contains(WARNING))).hasSize(1);
        }
    }

    private NodeProcess start(Path log, String... args) throws IOException {
        NodeProcess p = NodeProcess.start(log, args);
        started.add(p);
        return p;
    }

    /** getblock of the block at height 1, asked of the node in {@code data}. */
    private static JsonNode firstBlock(Path data) throws IOException {
        String id = query(data, "getblockhash", "1").get(0).asText();
        return query(data, "getblock", id);
    }

    private static JsonNode query(Path data, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of("query", "--pettycoin-dir", data.toString()));
        args.addAll(List.of(command));
        CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }
}
