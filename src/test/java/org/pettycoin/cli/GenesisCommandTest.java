package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pettycoin.protocol.Vectors;
import org.pettycoin.testing.CliRunner;

class GenesisCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void testnetPrintsTheCGenesis() throws Exception {
        CliRunner.Result r = CliRunner.run("genesis", "--network", "testnet");
        assertThat(r.exitCode()).isZero();
        JsonNode j = MAPPER.readTree(r.out());
        assertThat(j.get("id").asText()).isEqualTo("963855efb11c344be0d146ea493878cb2647ea2a663acbbce9aa1b81d9ff2f7e");
        assertThat(j.get("hex").asText())
                .isEqualTo(new String(Vectors.bytes("genesis_block.hex"), StandardCharsets.US_ASCII).trim());
        assertThat(j.get("difficulty").asText()).isEqualTo("0x1d3bffc4");
        assertThat(j.get("network").asText()).isEqualTo("testnet");
    }

    @Test
    void explicitParametersGiveTheSameBlockAsThePreset() throws Exception {
        JsonNode preset =
                MAPPER.readTree(CliRunner.run("genesis", "--network", "regtest").out());
        CliRunner.Result r = CliRunner.run("genesis", "0x1fffffff", "1764000000", "PettycoinRegtest!");
        assertThat(r.exitCode()).isZero();
        JsonNode made = MAPPER.readTree(r.out());
        assertThat(made.get("id")).isEqualTo(preset.get("id"));
        assertThat(made.get("hex")).isEqualTo(preset.get("hex"));
    }

    @Test
    void badInputIsOneLineAndExitCodeOne() {
        CliRunner.Result nonce = CliRunner.run("genesis", "0x1d3bffc4", "1404886369", "tooshort");
        assertThat(nonce.exitCode()).isEqualTo(1);
        assertThat(nonce.err().strip()).doesNotContain("\n").contains("17 bytes");
        CliRunner.Result number = CliRunner.run("genesis", "0xZZ", "1", "MarcusArabellAlex");
        assertThat(number.exitCode()).isEqualTo(1);
        assertThat(number.err()).contains("DIFFICULTY");
        CliRunner.Result network = CliRunner.run("genesis", "--network", "mainnet");
        assertThat(network.exitCode()).isEqualTo(1);
        assertThat(network.err()).contains("unknown network");
    }

    @Test
    void usageErrorsAndHelp() {
        assertThat(CliRunner.run("genesis").exitCode()).isEqualTo(2);
        CliRunner.Result help = CliRunner.run("genesis", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: pettycoin genesis");
    }
}
