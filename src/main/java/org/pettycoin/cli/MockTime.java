package org.pettycoin.cli;

import java.time.Instant;
import org.pettycoin.time.MockTimeClock;

/**
 * The {@code --mocktime SECONDS} option shared by {@code node}, {@code devnet} and {@code blockfile
 * check}: a clock that starts at that Unix time and runs on with real time, so that a chain made
 * on an old date is checked as it was then (bitcoind's {@code -mocktime}, but not frozen).
 */
final class MockTime {
    static final String OPTION = "--mocktime";

    private MockTime() {}

    /**
     * The clock for {@code --mocktime seconds}: from that time on, or the system's time for 0 (a
     * node's clock can still be set later by {@code setmocktime}).
     */
    static MockTimeClock clock(long seconds) {
        if (seconds < 0 || seconds > MockTimeClock.MAX_SECONDS) {
            throw new UserError(
                    OPTION + " must be 0.." + MockTimeClock.MAX_SECONDS + " (Unix seconds), not " + seconds);
        }
        return MockTimeClock.startingAt(seconds);
    }

    /** The time as a person reads it, for logs. */
    static String shown(long seconds) {
        return seconds + " (" + Instant.ofEpochSecond(seconds) + ")";
    }
}
