package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Feature;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.BlockfileJournal;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.net.SyncStatus;
import org.pettycoin.testing.CliRunner;
import org.pettycoin.testing.ShortTempDir;
import org.pettycoin.time.Progress;

/** The README's run command, bounded: three nodes reach a common tip above height 20 and stop. */
class DevnetCommandTest {
    @Test
    @Timeout(180)
    void threeNodesReachACommonTipAboveHeightTwentyAndStopCleanly() throws Exception {
        try (ShortTempDir temp = ShortTempDir.create("dv")) {
            threeNodes(temp.path());
        }
    }

    private static void threeNodes(Path dir) throws Exception {
        CliRunner.Result r = CliRunner.run(
                "devnet",
                "--nodes",
                "3",
                "--dir",
                dir.toString(),
                "--block-pause",
                "1",
                "--until-height",
                "21",
                "--timeout",
                "150");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("every node has block").contains("devnet: stopped");
        assertThat(r.out()).containsPattern("node3 +height +\\d+ .* peers 2");
        for (String n : new String[] {"node1", "node2", "node3"}) {
            assertThat(dir.resolve(n).resolve("blockfile")).exists();
            assertThat(Files.size(dir.resolve(n).resolve("blockfile"))).isPositive();
            assertThat(dir.resolve(n).resolve("pettycoin-rpc")).doesNotExist();
        }
    }

    @Test
    @Timeout(60)
    void withMocktimeTheNodesMineOnThatDay() throws Exception {
        try (ShortTempDir temp = ShortTempDir.create("dv")) {
            mocktime(temp.path());
        }
    }

    private static void mocktime(Path dir) throws Exception {
        CliRunner.Result r = CliRunner.run(
                "devnet",
                "--nodes",
                "1",
                "--dir",
                dir.toString(),
                "--block-pause",
                "0",
                "--until-height",
                "3",
                "--timeout",
                "40",
                "--mocktime",
                "1764078950");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        String blockfile = dir.resolve("node1").resolve("blockfile").toString();
        // Checked as of that day, every block passes: none is stamped more than 2 hours later (today's would be).
        CliRunner.Result thatDay =
                CliRunner.run("blockfile", "check", "--network", "regtest", "--mocktime", "1764078950", blockfile);
        assertThat(thatDay.exitCode()).as(thatDay.out()).isZero();
        // Nor much earlier: checked as of the genesis's time (22 hours before), the first block is too far ahead.
        CliRunner.Result atGenesis = CliRunner.run(
                "blockfile",
                "check",
                "--network",
                "regtest",
                "--mocktime",
                String.valueOf(Network.REGTEST.genesisTimestamp()),
                blockfile);
        assertThat(atGenesis.exitCode()).isEqualTo(1);
    }

    @Test
    void badSizesAreRefused() {
        CliRunner.Result r = CliRunner.run("devnet", "--nodes", "0");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--nodes");
    }

    @Test
    @Timeout(60)
    void withVoteEveryMinersBlocksVoteForTheFeature() throws Exception {
        try (ShortTempDir temp = ShortTempDir.create("dv")) {
            Path dir = temp.path();
            CliRunner.Result r = CliRunner.run(
                    "devnet",
                    "--nodes",
                    "2",
                    "--dir",
                    dir.toString(),
                    "--block-pause",
                    "0",
                    "--until-height",
                    "4",
                    "--timeout",
                    "40",
                    "--vote",
                    "rewards");
            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("every miner votes for rewards");
            for (String n : new String[] {"node1", "node2"}) {
                ChainState state = new ChainState(
                        Network.REGTEST, ChainState.Config.DEFAULT, () -> System.currentTimeMillis() / 1000, () -> 0L);
                try (BlockfileJournal j = BlockfileJournal.open(dir.resolve(n).resolve("blockfile"))) {
                    j.load(state);
                }
                List<Integer> votes = new ArrayList<>();
                for (BlockNode b = state.tree().heads().longestChains().get(0);
                        b.parent().isPresent();
                        b = b.parent().get()) {
                    votes.add(b.block().header().featuresVote());
                }
                assertThat(votes).hasSizeGreaterThanOrEqualTo(4).containsOnly(Feature.REWARDS.bit());
            }
        }
    }

    @Test
    @Timeout(90)
    void inADevnetEachLogLineNamesItsNode() throws Exception {
        try (ShortTempDir temp = ShortTempDir.create("dv")) {
            CliRunner.Result r = CliRunner.run(
                    "devnet",
                    "--nodes",
                    "2",
                    "--dir",
                    temp.path().toString(),
                    "--block-pause",
                    "0",
                    "--until-height",
                    "3",
                    "--timeout",
                    "60",
                    "--log-level",
                    "info");
            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            List<String> lines = r.err().lines().toList();
            assertThat(lines).anyMatch(l -> l.matches("\\S+ INFO +node1 .*"));
            assertThat(lines).anyMatch(l -> l.matches("\\S+ INFO +node2 .*"));
        }
    }

    @Test
    void aSyncingNodesStatusSaysWhatItsProgressLinesSay() {
        SyncStatus s = new SyncStatus(
                500, 1000, new Progress.Figures(400, 500, 4, 100, OptionalDouble.of(0.5), OptionalDouble.of(4)));
        assertThat(DevnetCommand.syncing(s)).isEqualTo("  syncing to 1000, 100 blocks/s, 50.0%, about 4 s left");
        SyncStatus unknown = new SyncStatus(
                500, 0, new Progress.Figures(400, 500, 4, 100, OptionalDouble.empty(), OptionalDouble.empty()));
        assertThat(DevnetCommand.syncing(unknown)).isEqualTo("  syncing to 0, 100 blocks/s");
    }
}
