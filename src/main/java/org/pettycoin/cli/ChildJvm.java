package org.pettycoin.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@code pettycoin} command in a new JVM with this one's class path, as a node runs when it
 * starts: for figures that must not inherit this JVM's compiled code (a start-up replay measured
 * after another phase of the same bench runs on code the JIT shaped for that phase).
 */
final class ChildJvm {
    private static final long TIMEOUT_MINUTES = 15;

    private ChildJvm() {}

    /** The command's standard output; its standard error goes to ours. Fails unless it exits 0 in time. */
    static String run(String... args) throws IOException {
        List<String> command = command(List.of(), List.of(args));
        Path out = Files.createTempFile("pettycoin-child", ".out");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IOException(
                        "pettycoin " + String.join(" ", args) + ": no exit after " + TIMEOUT_MINUTES + " minutes");
            }
            if (p.exitValue() != 0) {
                throw new IOException("pettycoin " + String.join(" ", args) + ": exit " + p.exitValue());
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for a child JVM", e);
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }

    /**
     * Starts {@code pettycoin ARGS} in a new JVM given {@code jvmOptions}, its standard output and
     * error both to {@code log}, and leaves it running: the caller closes it.
     */
    static Running start(List<String> jvmOptions, Path log, List<String> args) throws IOException {
        Process p = new ProcessBuilder(command(jvmOptions, args))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new Running(p, log, List.copyOf(jvmOptions));
    }

    /** The options this JVM was started with (what a child is compared against). */
    static List<String> ownOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    private static List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        return command;
    }

    /** A child left running; closing asks it to stop (SIGTERM, its clean stop), then kills it if it lingers. */
    static final class Running implements AutoCloseable {
        private static final long STOP_SECONDS = 15;

        private final Process process;
        private final Path log;
        private final List<String> jvmOptions;
        /** A bench killed with Ctrl-C must not leave its children running. */
        private final Thread reaper;

        private Running(Process process, Path log, List<String> jvmOptions) {
            this.process = process;
            this.log = log;
            this.jvmOptions = jvmOptions;
            this.reaper = new Thread(process::destroyForcibly, "child-jvm-reaper");
            Runtime.getRuntime().addShutdownHook(reaper);
        }

        Process process() {
            return process;
        }

        List<String> jvmOptions() {
            return jvmOptions;
        }

        /** What it has written so far. */
        String output() throws IOException {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs anyway, and the process has gone
            }
        }
    }
}
