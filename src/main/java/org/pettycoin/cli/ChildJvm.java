package org.pettycoin.cli;

import java.io.IOException;
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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
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
}
