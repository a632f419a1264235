package org.pettycoin.store;

import java.io.IOException;

/**
 * A line of the {@code config} file that is not an option. It is an {@link IOException} so that
 * start-up handles it with the other ways reading the data directory can fail.
 */
public final class ConfigFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int line;

    public ConfigFileException(String source, int line, String problem) {
        super(source + " line " + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based line number, counting every line of the file (blank and comment lines too). */
    public int line() {
        return line;
    }
}
