package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.testing.CliRunner;
import org.pettycoin.testing.NodeProcess;
import org.pettycoin.testing.TestKeys;

/** {@code pettycoin node --shards}: what it accepts, what it refuses, and that a partial node will not mine. */
@Timeout(90)
class NodeShardsOptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<NodeProcess> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(NodeProcess::close);
    }

    @Test
    void badShardListsAreOneLineUsageErrors() {
        for (String bad : List.of("4", "", "0,0", "zero", "0,,1", "-1", "1;2")) {
            CliRunner.Result r = CliRunner.run("node", "--pettycoin-dir", dir.toString(), "--shards", bad);
            assertThat(r.exitCode()).as("--shards '%s'", bad).isEqualTo(2);
            assertThat(r.err().strip())
                    .as("--shards '%s'", bad)
                    .doesNotContain("\n")
                    .startsWith("node: --shards: ");
        }
        CliRunner.Result r = CliRunner.run("node", "--pettycoin-dir", dir.toString(), "--shards", "1,4");
        assertThat(r.err().strip()).isEqualTo("node: --shards: shard 4 is not one of 0..3");
        assertThat(dir.resolve("blockfile")).as("nothing was started").doesNotExist();
    }

    @Test
    void aPartialNodeCannotMine() throws Exception {
        String reward = AddressCodec.encode(TestKeys.filledAddress(0x33), AddressStyle.PETTYCOIN_TEST);
        CliRunner.Result r =
                CliRunner.run("node", "--pettycoin-dir", dir.toString(), "--shards", "0,1", "--reward-address", reward);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip())
                .doesNotContain("\n")
                .isEqualTo("node: --shards 0,1 cannot go with --reward-address: "
                        + "mining needs every shard (a block's prev_txhashes)");
        // From the config file just the same.
        Path data = dir.resolve("cfg");
        Files.createDirectories(data);
        Files.writeString(data.resolve("config"), "shards=2\nreward-address=" + reward + "\n");
        r = CliRunner.run("node", "--pettycoin-dir", data.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--shards 2 cannot go with --reward-address");
        assertThat(data.resolve("blockfile")).doesNotExist();
    }

    @Test
    void aNodeStartedWithShardsFromItsConfigHoldsThemAndRefusesGenerate() throws Exception {
        Path data = dir.resolve("p");
        Files.createDirectories(data);
        Files.writeString(data.resolve("config"), "network=regtest\nseeding\nshards=0,1\n");
        Path log = dir.resolve("p.log");
        started.add(NodeProcess.start(log, "--pettycoin-dir", data.toString()));
        assertThat(NodeProcess.awaitLog(log, "holding shards 0,1 only", Duration.ofSeconds(30)))
                .isNotEmpty();
        NodeProcess.awaitLog(log, "listening on port", Duration.ofSeconds(30));
        JsonNode info = JSON.readTree(query(data, 0, "getinfo"));
        assertThat(info.get("shards").toString()).isEqualTo("[0,1]");
        CliRunner.Result gen = CliRunner.run("query", "--pettycoin-dir", data.toString(), "generate", "1");
        assertThat(gen.exitCode()).isNotZero();
        assertThat(gen.out() + gen.err()).contains("holds shards 0,1 only and cannot mine");
    }

    private static String query(Path data, int exit, String... command) {
        List<String> args = new ArrayList<>(List.of("query", "--pettycoin-dir", data.toString()));
        args.addAll(List.of(command));
        CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(exit);
        return r.out();
    }
}
