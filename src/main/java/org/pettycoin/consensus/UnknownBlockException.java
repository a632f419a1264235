package org.pettycoin.consensus;

import org.pettycoin.protocol.Hash256;

/**
 * A complaint names a block we do not hold. Thrown from deep inside the checks so each check reads
 * in the C receiver's order; {@link ComplaintChecks} turns it into
 * {@link ComplaintVerdict.UnknownBlock}, so it never leaves this package.
 */
final class UnknownBlockException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Hash256 id;

    UnknownBlockException(Hash256 id) {
        // No stack trace: this is an expected outcome of a peer's packet, not a fault.
        super("unknown block " + id, null, false, false);
        this.id = id;
    }

    Hash256 id() {
        return id;
    }
}
