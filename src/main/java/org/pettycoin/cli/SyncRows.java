package org.pettycoin.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

/** How {@code bench sync} prints its rows, the same in both modes so their figures line up in one table. */
final class SyncRows {
    private final PrintWriter out;
    private final PrintWriter err;

    SyncRows(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    static String linkName(Optional<Duration> link) {
        return link.map(d -> d.toMillis() + " ms one-way").orElse("loopback");
    }

    void synced(String what, long blocks, double secs) {
        out.printf("%-45s %8d blocks in %7.2f s = %9.0f blocks/s%n", what, blocks, secs, blocks / secs);
        out.flush();
    }

    void healed(String what, double secs, long all, int minedMeanwhile) {
        out.printf(
                "%-45s %8.2f s to heal: all %d blocks on both, %d mined meanwhile%n", what, secs, all, minedMeanwhile);
        out.flush();
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    boolean failed(String what, String why) {
        out.printf("%-45s FAILED%n", what);
        out.flush();
        err.println("bench sync: " + what + ": " + why);
        err.flush();
        return false;
    }
}
