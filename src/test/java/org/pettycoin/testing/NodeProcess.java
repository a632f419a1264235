package org.pettycoin.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pettycoin.cli.Main;

/** A {@code pettycoin node} (or another command) run as its own process, its output in a log file; closing kills it. */
public final class NodeProcess implements AutoCloseable {
    private static final Pattern PORT = Pattern.compile("listening on port (\\d+)");
    private static final Pattern HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

    private final Process process;
    private final Path log;

    private NodeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code pettycoin node ARGS}, with {@code jvmOptions} for its JVM. */
    public static NodeProcess start(Path log, List<String> jvmOptions, String... args) throws IOException {
        return run(log, jvmOptions, "node", args);
    }

    /** Starts {@code pettycoin COMMAND ARGS} (a devnet, say), with {@code jvmOptions} for its JVM. */
    public static NodeProcess run(Path log, List<String> jvmOptions, String command, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), command));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new NodeProcess(p, log);
    }

    public static NodeProcess start(Path log, String... args) throws IOException {
        return start(log, List.of(), args);
    }

    /** The process itself, for a test that signals it or waits for it. */
    public Process process() {
        return process;
    }

    public String output() throws IOException {
        return read(log);
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** The log once it holds {@code text}; fails after {@code limit}. */
    public String await(String text, Duration limit) throws Exception {
        return awaitLog(log, text, limit);
    }

    /** The file {@code log} once it holds {@code text}; fails after {@code limit}, showing the file. */
    public static String awaitLog(Path log, String text, Duration limit) throws Exception {
        Optional<String> found = Await.value(limit, () -> Optional.of(read(log)).filter(s -> s.contains(text)));
        if (found.isEmpty()) {
            throw new AssertionError("no '" + text + "' within " + limit + " in " + log + ":\n" + read(log));
        }
        return found.get();
    }

    public int port() throws Exception {
        Matcher m = PORT.matcher(await("listening on port", Duration.ofSeconds(30)));
        if (!m.find()) {
            throw new AssertionError("no port in " + output());
        }
        return Integer.parseInt(m.group(1));
    }

    /** The exit code, if it ends within {@code limit}. */
    public Integer exitWithin(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The most resident memory the process has had, from {@code /proc} (Linux), in KiB. */
    public long peakRssKib() throws IOException {
        Matcher m = HWM.matcher(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
        if (!m.find()) {
            throw new IOException("no VmHWM for process " + process.pid());
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * SIGKILL (what {@link Process#destroyForcibly} sends on Linux): no shutdown hook runs, nothing
     * is synced; waits until the process is gone, so its files and ports are free. False if it outlived
     * {@code limit}.
     */
    public boolean kill(Duration limit) throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGTERM, then waits for the clean stop. */
    public boolean stop(Duration limit) throws InterruptedException {
        process.destroy();
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
