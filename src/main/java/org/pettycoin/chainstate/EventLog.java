package org.pettycoin.chainstate;

import java.util.ArrayList;
import java.util.List;

/**
 * The events of the input being handled, collected while the chain state works and handed back
 * whole when it is done, so that nothing outside the chain state runs in the middle of its
 * cascade. Node thread only.
 */
final class EventLog {
    private final List<ChainEvent> events = new ArrayList<>();
    private Origin origin = Origin.LOCAL;

    /** Starts an input from {@code from}. */
    void begin(Origin from) {
        events.clear();
        origin = from;
    }

    Origin origin() {
        return origin;
    }

    void add(ChainEvent e) {
        events.add(e);
    }

    /** This input's events, in order; the log is empty again after. */
    List<ChainEvent> take() {
        List<ChainEvent> out = List.copyOf(events);
        events.clear();
        origin = Origin.LOCAL;
        return out;
    }
}
