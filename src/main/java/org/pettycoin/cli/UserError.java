package org.pettycoin.cli;

/** A command failed because of what the user gave it: printed as one line, exit code 1. */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final int EXIT_CODE = 1;

    public UserError(String message) {
        super(message);
    }
}
