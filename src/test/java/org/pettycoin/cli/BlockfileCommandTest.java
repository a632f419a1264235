package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.protocol.Vectors;

class BlockfileCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void checksTheCNodesFile() throws Exception {
        CliRunner.Result r = CliRunner.run("blockfile", "check", Vectors.dir().resolve("blockfile_A.bin").toString());
        assertThat(r.exitCode()).isZero();
        JsonNode j = MAPPER.readTree(r.out());
        assertThat(j.get("records").asLong()).isEqualTo(194);
        assertThat(j.get("blocks").asLong()).isEqualTo(190);
        assertThat(j.get("txs").asLong()).isEqualTo(4);
        assertThat(j.get("tip").get("height").asLong()).isEqualTo(112);
        assertThat(j.get("tip").get("id").asText()).endsWith("1d000000");
        assertThat(j.get("complete").asBoolean()).isTrue();
        assertThat(j.has("stopped")).isFalse();
    }

    @Test
    void reportsWhereAndWhyWithoutTouchingTheFile() throws Exception {
        byte[] c = Vectors.bytes("blockfile_A.bin");
        Path torn = dir.resolve("torn");
        byte[] content = Arrays.copyOf(c, c.length - 100);
        Files.write(torn, content);
        CliRunner.Result r = CliRunner.run("blockfile", "check", torn.toString(), "--network", "testnet");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode j = MAPPER.readTree(r.out());
        assertThat(j.get("complete").asBoolean()).isFalse();
        assertThat(j.get("stopped").get("reason").asText()).contains("only");
        assertThat(j.get("stopped").get("offset").asLong()).isEqualTo(j.get("valid_bytes").asLong()).isLessThan(content.length);
        assertThat(Files.readAllBytes(torn)).isEqualTo(content);

        // On the wrong network the first block's parent is unknown: stops at offset 0 with the reason.
        CliRunner.Result wrong = CliRunner.run("blockfile", "check", Vectors.dir().resolve("blockfile_A.bin").toString(),
                "--network", "regtest");
        assertThat(wrong.exitCode()).isEqualTo(1);
        JsonNode w = MAPPER.readTree(wrong.out());
        assertThat(w.get("stopped").get("offset").asLong()).isZero();
        assertThat(w.get("stopped").get("reason").asText()).contains("PRIV_UNKNOWN_PREV");
    }

    @Test
    void missingFileIsAOneLineError() {
        CliRunner.Result r = CliRunner.run("blockfile", "check", dir.resolve("nope").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").contains("no such file");
    }
}
