package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.testing.CliRunner;
import org.pettycoin.testing.NodeProcess;

/** {@code pettycoin node --http-port}: from the config file like any option, and a port in use is one line. */
@Timeout(90)
class NodeHttpOptionTest {
    private static final Pattern HTTP = Pattern.compile("HTTP on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void aPortInUseIsAOneLineErrorAndExit1() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            CliRunner.Result r = CliRunner.run(
                    "node",
                    "--pettycoin-dir",
                    dir.resolve("n").toString(),
                    "--network",
                    "regtest",
                    "--seeding",
                    "--rpc-file",
                    "",
                    "--http-port",
                    Integer.toString(port));
            assertThat(r.exitCode()).isEqualTo(1);
            // The log goes to stderr too; the error is its last line, and no stack trace comes with it.
            List<String> lines = r.err().strip().lines().toList();
            assertThat(lines.get(lines.size() - 1)).contains("cannot serve HTTP on 127.0.0.1:" + port + ": ");
            assertThat(lines).noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
        }
    }

    @Test
    void theConfigFileTurnsItOnAndMetricsAreServed() throws Exception {
        Path data = dir.resolve("n");
        Files.createDirectories(data);
        Files.writeString(data.resolve("config"), "network=regtest\nseeding\nhttp-port=0\nhttp-bind=127.0.0.1\n");
        Path log = dir.resolve("n.log");
        try (NodeProcess p = NodeProcess.start(log, "--pettycoin-dir", data.toString())) {
            Matcher m = HTTP.matcher(p.await("HTTP on", Duration.ofSeconds(30)));
            assertThat(m.find()).isTrue();
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/metrics"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\npettycoin_blocks 1.0\n");
            p.process().destroy(); // SIGTERM: the endpoint stops with the node
            assertThat(p.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }
}
