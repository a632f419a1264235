package org.pettycoin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory with a short path (unix socket paths are limited to 107 bytes, and JUnit's
 * {@code @TempDir} names are long), removed with everything in it on close.
 */
public final class ShortTempDir implements AutoCloseable {
    private final Path path;

    private ShortTempDir(Path path) {
        this.path = path;
    }

    public static ShortTempDir create(String prefix) throws IOException {
        return new ShortTempDir(Files.createTempDirectory(prefix));
    }

    public Path path() {
        return path;
    }

    public Path resolve(String other) {
        return path.resolve(other);
    }

    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
