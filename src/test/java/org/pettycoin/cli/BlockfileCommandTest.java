package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxSigning;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.crypto.Secp256k1;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.mining.MinedBlock;
import org.pettycoin.mining.TxAndRefs;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.Vectors;
import org.pettycoin.store.Blockfile;
import org.pettycoin.testing.CliRunner;

class BlockfileCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void checksTheCNodesFile() throws Exception {
        CliRunner.Result r = CliRunner.run(
                "blockfile", "check", Vectors.dir().resolve("blockfile_A.bin").toString());
        assertThat(r.exitCode()).isZero();
        JsonNode j = MAPPER.readTree(r.out());
        assertThat(j.get("records").asLong()).isEqualTo(194);
        assertThat(j.get("blocks").asLong()).isEqualTo(190);
        assertThat(j.get("txs").asLong()).isEqualTo(4);
        assertThat(j.get("tip").get("height").asLong()).isEqualTo(112);
        assertThat(j.get("tip").get("id").asText()).endsWith("1d000000");
        assertThat(j.get("complete").asBoolean()).isTrue();
        assertThat(j.has("stopped")).isFalse();
        // Every tx of the C node's chain passes our input, ref and order checks: the tip is fully known.
        assertThat(j.get("known_tip")).isEqualTo(j.get("tip"));
        assertThat(j.get("invalid_blocks")).isEmpty();
        assertThat(j.has("replay_seconds")).as("only with --timing").isFalse();
    }

    @Test
    void timingAddsHowLongTheReplayTook() throws Exception {
        CliRunner.Result r = CliRunner.run(
                "blockfile",
                "check",
                "--timing",
                Vectors.dir().resolve("blockfile_A.bin").toString());
        assertThat(r.exitCode()).isZero();
        JsonNode j = MAPPER.readTree(r.out());
        assertThat(j.get("blocks").asLong()).isEqualTo(190);
        assertThat(j.get("replay_seconds").isNumber()).isTrue();
        assertThat(j.get("replay_seconds").asDouble()).isPositive();
    }

    @Test
    void reportsABlockWhoseContentsAreADoubleSpend() throws Exception {
        long[] now = {Network.REGTEST.genesisTimestamp() + 3600};
        ChainState state =
                new ChainState(Network.REGTEST, ChainState.Config.DEFAULT, () -> now[0], () -> now[0] * 1000);
        ChainBuilder builder = ChainBuilder.on(state, Address.fromHex("77".repeat(20)));
        TxSigning signing = new TxSigning();
        PrivateKey alice = PrivateKey.of(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        });
        Address aliceAddr = Hash160.addressOf(Secp256k1.get().publicKeyOf(alice));
        FromGatewayTx funding = signing.fromGateway(alice, List.of(new GatewayPayment(100, aliceAddr)), false);
        Input coin = new Input(TxHashes.txid(funding), 0);
        BlockNode b1 = builder.mine(state.tree().genesis(), now[0] - 30, List.of(new TxAndRefs(funding, List.of())));
        Tx first = signing.normal(alice, Address.fromHex("01".repeat(20)), 100, 0, List.of(coin), false);
        BlockNode b2 = builder.mine(b1, now[0] - 20, List.of(builder.withRefs(b1, first)));
        Tx second = signing.normal(alice, Address.fromHex("02".repeat(20)), 100, 0, List.of(coin), false);
        MinedBlock b3 =
                builder.build(b2, now[0] - 10, ChainBuilder.placeByShard(List.of(builder.withRefs(b2, second))));
        Path file = dir.resolve("blockfile");
        builder.writeBlockfile(file);
        try (Blockfile f = Blockfile.open(file)) {
            f.replay((frame, offset) -> java.util.Optional.empty());
            f.append(PacketCodec.encode(new BlockPacket(b3.block())));
            f.append(PacketCodec.encode(new TxInBlockPacket(b3.provenTxs().get(0))));
        }

        CliRunner.Result r = CliRunner.run("blockfile", "check", "--network", "regtest", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode j = MAPPER.readTree(r.out());
        assertThat(j.get("complete").asBoolean()).isTrue();
        assertThat(j.get("tip").get("id").asText()).isEqualTo(b2.id().hex());
        assertThat(j.get("known_tip").get("id").asText()).isEqualTo(b2.id().hex());
        assertThat(j.get("invalid_blocks")).hasSize(1);
        assertThat(j.get("invalid_blocks").get(0).get("id").asText())
                .isEqualTo(b3.id().hex());
        assertThat(j.get("invalid_blocks").get(0).get("complaint").asText())
                .isEqualTo("PROTOCOL_PKT_COMPLAIN_DOUBLESPEND");
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
        assertThat(j.get("stopped").get("offset").asLong())
                .isEqualTo(j.get("valid_bytes").asLong())
                .isLessThan(content.length);
        assertThat(Files.readAllBytes(torn)).isEqualTo(content);

        // On the wrong network the first block's parent is unknown: stops at offset 0 with the reason.
        CliRunner.Result wrong = CliRunner.run(
                "blockfile", "check", Vectors.dir().resolve("blockfile_A.bin").toString(), "--network", "regtest");
        assertThat(wrong.exitCode()).isEqualTo(1);
        JsonNode w = MAPPER.readTree(wrong.out());
        assertThat(w.get("stopped").get("offset").asLong()).isZero();
        assertThat(w.get("stopped").get("reason").asText()).contains("PRIV_UNKNOWN_PREV");
    }

    @Test
    void mocktimeChecksAsOfThatTime() throws Exception {
        // Made ten days after 25 November 2025: in the past today, but far in the future of that day.
        long madeAt = 1_764_078_950L + 10 * 24 * 3600;
        BlockTree tree = new BlockTree(Network.REGTEST);
        ChainBuilder builder = new ChainBuilder(tree, Address.fromHex("77".repeat(20)));
        BlockNode b1 = builder.mine(tree.genesis(), madeAt);
        builder.extend(b1, 2);
        Path file = dir.resolve("december");
        builder.writeBlockfile(file);

        CliRunner.Result today = CliRunner.run("blockfile", "check", "--network", "regtest", file.toString());
        assertThat(today.exitCode()).as(today.err()).isZero();
        assertThat(MAPPER.readTree(today.out()).get("blocks").asLong()).isEqualTo(3);

        CliRunner.Result then = CliRunner.run(
                "blockfile", "check", "--network", "regtest", "--mocktime", "1764078950", file.toString());
        assertThat(then.exitCode()).isEqualTo(1);
        JsonNode j = MAPPER.readTree(then.out());
        assertThat(j.get("complete").asBoolean()).isFalse();
        assertThat(j.get("stopped").get("offset").asLong()).isZero();
        assertThat(j.get("stopped").get("reason").asText()).contains("1764078950");

        CliRunner.Result bad = CliRunner.run("blockfile", "check", "--mocktime", "-1", file.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err().strip()).contains("--mocktime must be 0..");
    }

    @Test
    void missingFileIsAOneLineError() {
        CliRunner.Result r =
                CliRunner.run("blockfile", "check", dir.resolve("nope").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").contains("no such file");
    }
}
