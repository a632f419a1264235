package org.pettycoin.chainstate;

import java.util.List;

/** Takes the events of one input, in order, on the node thread. */
@FunctionalInterface
public interface EventSink {
    void accept(List<ChainEvent> events);
}
