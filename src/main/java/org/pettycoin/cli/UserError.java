package org.pettycoin.cli;

/**
 * A command failed because of what the user gave it: printed as one line, exit code 1, or 2 for
 * options that do not go together ({@link #usage}).
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final int EXIT_CODE = 1;
    /** picocli's code for a usage error. */
    public static final int USAGE_EXIT_CODE = 2;

    private final int exitCode;

    public UserError(String message) {
        this(message, EXIT_CODE);
    }

    private UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** A usage error: options that cannot be used together, still one line (no usage text). */
    public static UserError usage(String message) {
        return new UserError(message, USAGE_EXIT_CODE);
    }

    public int exitCode() {
        return exitCode;
    }
}
