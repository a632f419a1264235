package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxSigning;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.mining.TxAndRefs;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.testing.CliRunner;
import org.pettycoin.testing.NodeProcess;

/** {@code pettycoin node} as an operator runs it: a real process, stopped with SIGTERM. */
@Timeout(90)
class NodeCommandTest {
    private static final Pattern PORT = Pattern.compile("listening on port (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 25 November 2025, 13:55 UTC: 22 hours after the regtest genesis. */
    private static final long NOV_2025 = 1_764_078_950L;

    @TempDir
    Path dir;

    private final List<NodeProcess> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(NodeProcess::close);
    }

    private Process node(Path log, String... args) throws IOException {
        NodeProcess p = NodeProcess.start(log, args);
        started.add(p);
        return p.process();
    }

    private static String awaitLog(Path log, String text, Duration limit) throws Exception {
        return NodeProcess.awaitLog(log, text, limit);
    }

    @Test
    void startsFromTheConfigFileAndStopsCleanlyOnSigterm() throws Exception {
        Path data = dir.resolve("n1");
        Files.createDirectories(data);
        // Alone on regtest: without seeding it would exit for want of peers, as C does.
        Files.writeString(
                data.resolve("config"), "# an operator's config\nnetwork=regtest\nlog-prefix=N1 \nport=1\nseeding\n");
        Path log = dir.resolve("n1.log");
        // The command line wins over the config file's port.
        Process p = node(log, "--pettycoin-dir", data.toString(), "--port", "0");
        String out = awaitLog(log, "listening on port", Duration.ofSeconds(30));
        assertThat(out.lines().filter(l -> !l.isBlank())).allMatch(l -> l.startsWith("N1 "));
        Matcher m = PORT.matcher(out);
        assertThat(m.find()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isNotEqualTo(1);
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).contains("shutting down").contains("stopped");
        assertThat(data.resolve("blockfile")).exists();
        assertThat(data.resolve("peer_cache")).exists();
    }

    @Test
    void twoNodesConnectAndASecondNodeInTheSameDirectoryIsRefused() throws Exception {
        Path a = dir.resolve("a");
        Path la = dir.resolve("a.log");
        node(la, "--pettycoin-dir", a.toString(), "--network", "regtest", "--seeding");
        Matcher m = PORT.matcher(awaitLog(la, "listening on port", Duration.ofSeconds(30)));
        assertThat(m.find()).isTrue();
        Path lb = dir.resolve("b.log");
        node(
                lb,
                "--pettycoin-dir",
                dir.resolve("b").toString(),
                "--network",
                "regtest",
                "--connect",
                "127.0.0.1:" + m.group(1));
        awaitLog(lb, "welcome from", Duration.ofSeconds(30));
        awaitLog(la, "welcome from", Duration.ofSeconds(30));

        Path lc = dir.resolve("c.log");
        Process again = node(lc, "--pettycoin-dir", a.toString(), "--network", "regtest");
        assertThat(again.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isEqualTo(1);
        assertThat(Files.readString(lc)).contains("cannot start");
    }

    @Test
    void badOptionsAreOneLineErrors() throws Exception {
        CliRunner.Result r = CliRunner.run("node", "--pettycoin-dir", dir.toString(), "--connect", "nowhere");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").contains("HOST:PORT");
        r = CliRunner.run("node", "--pettycoin-dir", dir.toString(), "--log-level", "loud");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--log-level");
        r = CliRunner.run("node", "--pettycoin-dir", dir.toString(), "--block-pause", "-1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--block-pause");
    }

    @Test
    void withMocktimeAChainFromNovember2025IsInsideTheHorizonAndWithoutItIsNot() throws Exception {
        Path data = dir.resolve("old");
        Files.createDirectories(data);
        Address payee = Address.fromHex("3c".repeat(20));
        String deposit = novemberChain(data.resolve("blockfile"), payee);
        String payeeText = AddressCodec.encode(payee, AddressStyle.PETTYCOIN_TEST);

        // The node's clock starts on that day: the deposit is inside the 3-day horizon, so it is listed.
        // (--seeding: alone on regtest, it would otherwise exit for want of peers, as C does.)
        Process p = node(
                dir.resolve("mock.log"),
                "--pettycoin-dir",
                data.toString(),
                "--network",
                "regtest",
                "--seeding",
                "--mocktime",
                String.valueOf(NOV_2025));
        awaitLog(dir.resolve("mock.log"), "pettycoin node on", Duration.ofSeconds(30));
        assertThat(query(data, "getinfo").get("preferred_chain").get("height").asInt())
                .isEqualTo(6);
        assertThat(listed(data, payeeText)).containsExactly(deposit);
        // setmocktime 0 puts the same node on the system's clock (a year on): past the horizon.
        assertThat(query(data, "setmocktime", "0").get("mocktime").asLong()).isZero();
        assertThat(listed(data, payeeText)).isEmpty();
        assertThat(query(data, "setmocktime", String.valueOf(NOV_2025))
                        .get("mocktime")
                        .asLong())
                .isEqualTo(NOV_2025);
        assertThat(listed(data, payeeText)).containsExactly(deposit);
        stop(p);

        // Without --mocktime the same chain loads but is outside the horizon.
        p = node(dir.resolve("today.log"), "--pettycoin-dir", data.toString(), "--network", "regtest", "--seeding");
        awaitLog(dir.resolve("today.log"), "pettycoin node on", Duration.ofSeconds(30));
        assertThat(query(data, "getinfo").get("preferred_chain").get("height").asInt())
                .isEqualTo(6);
        assertThat(listed(data, payeeText)).isEmpty();
        stop(p);

        // mocktime= in the config file does what the option does.
        Files.writeString(data.resolve("config"), "network=regtest\nseeding\nmocktime=" + NOV_2025 + "\n");
        p = node(dir.resolve("config.log"), "--pettycoin-dir", data.toString());
        assertThat(awaitLog(dir.resolve("config.log"), "pettycoin node on", Duration.ofSeconds(30)))
                .contains("mock time: the clock starts at " + NOV_2025 + " (2025-11-25T13:55:50Z)");
        assertThat(listed(data, payeeText)).containsExactly(deposit);
        stop(p);
    }

    @Test
    void mocktimeIsRefusedOffRegtest() throws Exception {
        CliRunner.Result r = CliRunner.run("node", "--pettycoin-dir", dir.toString(), "--mocktime", "1764078950");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("node: --mocktime needs --network regtest (this node is on testnet)");
        Path data = dir.resolve("cfg");
        Files.createDirectories(data);
        Files.writeString(data.resolve("config"), "mocktime=1764078950\n");
        r = CliRunner.run("node", "--pettycoin-dir", data.toString(), "--network", "testnet");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--mocktime needs --network regtest");
        r = CliRunner.run("node", "--pettycoin-dir", dir.toString(), "--network", "regtest", "--mocktime", "-5");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("node: --mocktime must be 0..4294967295 (Unix seconds), not -5");
        assertThat(dir.resolve("blockfile")).as("nothing was started").doesNotExist();
        assertThat(data.resolve("blockfile")).doesNotExist();
    }

    /** A regtest chain stamped in November 2025: a deposit to {@code payee} in block 1, five empty blocks on it. */
    private static String novemberChain(Path blockfile, Address payee) throws IOException {
        ChainState state = new ChainState(Network.REGTEST, ChainState.Config.DEFAULT, () -> NOV_2025, () -> 0L);
        ChainBuilder builder = ChainBuilder.on(state, Address.fromHex("77".repeat(20)));
        byte[] gateway = new byte[PrivateKey.LENGTH];
        Arrays.fill(gateway, (byte) 9);
        FromGatewayTx deposit =
                new TxSigning().fromGateway(PrivateKey.of(gateway), List.of(new GatewayPayment(100, payee)), false);
        BlockNode b1 =
                builder.mine(state.tree().genesis(), NOV_2025 - 3600, List.of(new TxAndRefs(deposit, List.of())));
        builder.extend(b1, 5);
        builder.writeBlockfile(blockfile);
        return TxHashes.txid(deposit).hex();
    }

    private static JsonNode query(Path data, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of("query", "--pettycoin-dir", data.toString()));
        args.addAll(List.of(command));
        CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static List<String> listed(Path data, String address) throws IOException {
        List<String> txids = new ArrayList<>();
        query(data, "listtransactions", address)
                .forEach(t -> txids.add(t.get("txid").asText()));
        return txids;
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
}
