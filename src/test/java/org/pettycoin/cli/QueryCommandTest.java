package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.chain.Network;
import org.pettycoin.testing.CliRunner;
import org.pettycoin.testing.RpcTestNode;

/** {@code pettycoin query} against a running node, and with no node there. */
@Timeout(30)
class QueryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void printsTheResultAsIndentedJsonAndFailuresWithExitCode1() throws Exception {
        try (RpcTestNode n = RpcTestNode.start()) {
            String dir = n.socket().getParent().toString();
            CliRunner.Result info = CliRunner.run("query", "--pettycoin-dir", dir, "getinfo");
            assertThat(info.exitCode()).as(info.err()).isZero();
            assertThat(info.out()).contains("\n  \"test_net\" : true");
            assertThat(JSON.readTree(info.out()).get("network").asText()).isEqualTo("regtest");

            CliRunner.Result hashes = CliRunner.run("query", "--pettycoin-dir", dir, "getblockhash", "0");
            assertThat(hashes.exitCode()).isZero();
            JsonNode ids = JSON.readTree(hashes.out());
            assertThat(ids.get(0).asText())
                    .isEqualTo(Network.REGTEST.genesisId().hex());

            CliRunner.Result gen = CliRunner.run("query", "--pettycoin-dir", dir, "generate", "2");
            assertThat(JSON.readTree(gen.out())).hasSize(2);
            CliRunner.Result quoted = CliRunner.run("query", "--pettycoin-dir", dir, "getblockhash", "\"2\"");
            assertThat(JSON.readTree(quoted.out()).get(0))
                    .isEqualTo(JSON.readTree(gen.out()).get(1));

            CliRunner.Result bad = CliRunner.run("query", "--pettycoin-dir", dir, "getblock", "nothex");
            assertThat(bad.exitCode()).isEqualTo(1);
            assertThat(bad.err().strip()).isEqualTo("query: Invalid block hex 'nothex'");
            assertThat(bad.out()).isEmpty();

            CliRunner.Result unknown = CliRunner.run("query", "--pettycoin-dir", dir, "frobnicate");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.err()).contains("Unknown command 'frobnicate'");
        }
    }

    @Test
    void saysSoWhenNoNodeIsRunning() throws Exception {
        Path dir = Files.createTempDirectory("rpc");
        try {
            CliRunner.Result r = CliRunner.run("query", "--pettycoin-dir", dir.toString(), "getinfo");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err().strip())
                    .isEqualTo("query: cannot reach the node at " + dir.resolve("pettycoin-rpc") + ": is it running?");
        } finally {
            Files.delete(dir);
        }
    }

    @Test
    void argumentsOfDigitsAreNumbersQuotedOnesJsonStringsTheRestStrings() {
        assertThat(QueryCommand.param("42").isNumber()).isTrue();
        assertThat(QueryCommand.param("042").asText()).isEqualTo("042");
        assertThat(QueryCommand.param("0").isNumber()).isTrue();
        assertThat(QueryCommand.param("\"42\"").asText()).isEqualTo("42");
        assertThat(QueryCommand.param("abc").isTextual()).isTrue();
        assertThat(QueryCommand.param("").isTextual()).isTrue();
    }
}
