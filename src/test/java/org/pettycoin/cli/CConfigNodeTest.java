package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.rpc.RpcClient;
import org.pettycoin.store.DataDir;
import org.pettycoin.testing.CliRunner;
import org.pettycoin.testing.NodeProcess;

/**
 * A C node's {@code config} file starts {@code pettycoin node} (a real process, stopped with
 * SIGTERM): every option C reads from it is taken, the fee options set the pool's policy, and those
 * that do not apply are accepted with one warning each.
 */
@Timeout(90)
class CConfigNodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GATEWAY_KEY = "P-cRhETWFwVpi7q8Vjs7KqvYYGZC5htvT3ddnd9hJk5znSohTBHRkT";
    private static final String ADDR = "P-mopv7T2T7szaYdJNxm7jAF8x16dbMfGerN";

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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void stop(Process p, Path log) throws Exception {
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).contains("shutting down");
    }

    private static String tx(String... args) {
        List<String> all = new ArrayList<>(List.of("tx"));
        all.addAll(List.of(args));
        all.add("--hex");
        CliRunner.Result r = CliRunner.run(all.toArray(new String[0]));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().strip();
    }

    private static RpcClient.Response rpc(Path socket, String method, Object... params) throws Exception {
        try (RpcClient c = RpcClient.connect(socket)) {
            return c.call(method, JSON.getNodeFactory().textNode("t"), JSON.valueToTree(params));
        }
    }

    private static int pending(Path socket) throws Exception {
        return rpc(socket, "getinfo").result().get("num_pending").asInt();
    }

    @Test
    void aCNodesConfigStartsTheNodeWithItsFeePolicy() throws Exception {
        Path data = dir.resolve("c");
        Files.createDirectories(data);
        int port = freePort();
        Path elsewhere = dir.resolve("elsewhere");
        Files.writeString(
                data.resolve("config"),
                String.join(
                        "\n",
                        "# pettycoin config, as the C node reads it",
                        "log-level=debug",
                        "log-prefix=cnode: ",
                        "port=" + port,
                        "seeding",
                        "generator=/usr/local/bin/pettycoin-generate",
                        "reward-address=",
                        "require-fees",
                        "require-gateway-fees",
                        "rpc-file=pettycoin-rpc",
                        "pettycoin-dir=" + elsewhere,
                        ""));
        Path log = dir.resolve("c.log");
        Process p = node(log, "--pettycoin-dir", data.toString());
        String out = awaitLog(log, "JSON-RPC on", Duration.ofSeconds(30));
        assertThat(out).contains("listening on port " + port);
        assertThat(out.lines().filter(l -> l.contains("--generator /usr/local/bin/pettycoin-generate ignored")))
                .hasSize(1);
        assertThat(out).contains("pettycoin-dir in " + data.resolve("config") + " ignored");
        assertThat(out.lines().filter(l -> !l.isBlank())).allMatch(l -> l.startsWith("cnode: "));
        assertThat(elsewhere).doesNotExist();

        // --require-gateway-fees: a feeless deposit is taken (and relayed) but not kept; one paying is kept.
        Path socket = data.resolve(DataDir.RPC_FILE_NAME);
        String feeless = tx("--no-fee", "from-gateway", GATEWAY_KEY, ADDR, "100");
        assertThat(rpc(socket, "sendrawtransaction", feeless).error()).isEmpty();
        assertThat(pending(socket)).isZero();
        String paying = tx("from-gateway", GATEWAY_KEY, ADDR, "100");
        assertThat(rpc(socket, "sendrawtransaction", paying).error()).isEmpty();
        assertThat(pending(socket)).isEqualTo(1);
        stop(p, log);
    }

    @Test
    void withoutTheFeeOptionsFeelessTxsAreKeptAndATerminalRpcFileFallsBackToTheSocket() throws Exception {
        Path data = dir.resolve("d");
        Files.createDirectories(data);
        Files.writeString(
                data.resolve("config"),
                String.join(
                        "\r\n",
                        "# C's one-session terminal mode",
                        "rpc-file=/dev/tty",
                        "developer-test",
                        "seeding",
                        ""));
        Path log = dir.resolve("d.log");
        Process p = node(log, "--pettycoin-dir", data.toString(), "--port", "0");
        String out = awaitLog(log, "JSON-RPC on", Duration.ofSeconds(30));
        assertThat(out).contains("JSON-RPC on the terminal is not supported");
        Path socket = data.resolve(DataDir.RPC_FILE_NAME);
        assertThat(rpc(socket, "sendrawtransaction", tx("--no-fee", "from-gateway", GATEWAY_KEY, ADDR, "7"))
                        .error())
                .isEmpty();
        assertThat(pending(socket)).isEqualTo(1);
        assertThat(data.resolve("addresses"))
                .as("--developer-test from the config")
                .exists();
        stop(p, log);
    }
}
