package org.pettycoin.chainstate;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The blockfile could not be written or synced. A node that goes on after this would announce
 * blocks and txs that a restart would not have, so the node thread's policy stops the node on it
 * wherever it is thrown (docs/architecture.md, Threads). Thrown only by {@link BlockfileJournal};
 * any other {@link UncheckedIOException} is an ordinary bug.
 */
public final class StorageFailure extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    public StorageFailure(String message, IOException cause) {
        super(message, cause);
    }
}
