package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code pettycoin node} as an operator runs it: a real process, stopped with SIGTERM. */
@Timeout(90)
class NodeCommandTest {
    private static final Pattern PORT = Pattern.compile("listening on port (\\d+)");

    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    private Process node(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "node"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(p);
        return p;
    }

    private static String awaitLog(Path log, String text, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            String s = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (s.contains(text)) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' in " + log + ":\n" + Files.readString(log));
    }

    @Test
    void startsFromTheConfigFileAndStopsCleanlyOnSigterm() throws Exception {
        Path data = dir.resolve("n1");
        Files.createDirectories(data);
        // Alone on regtest: without seeding it would exit for want of peers, as C does.
        Files.writeString(data.resolve("config"),
                "# an operator's config\nnetwork=regtest\nlog-prefix=N1 \nport=1\nseeding\n");
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
        node(lb, "--pettycoin-dir", dir.resolve("b").toString(), "--network", "regtest",
                "--connect", "127.0.0.1:" + m.group(1));
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
    }
}
