package org.pettycoin.store;

import java.util.Optional;

/**
 * How a blockfile replay went: records accepted, the offset just after the last of them, the file's
 * length before any truncation, and why the replay stopped early if it did.
 */
public record ReplayResult(long records, long validLength, long originalLength, Optional<String> stoppedBecause) {
    /** Bytes cut off the end (or that would be, for a read-only replay). */
    public long discardedBytes() {
        return originalLength - validLength;
    }
}
