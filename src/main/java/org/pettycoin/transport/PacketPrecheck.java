package org.pettycoin.transport;

import java.util.concurrent.CompletableFuture;
import org.pettycoin.protocol.Packet;

/**
 * Work started for each decoded packet off the node thread (signature checks on the node's worker
 * pool) that the packet waits for before it is delivered; a connection's events still reach the node
 * thread in the order they were read. The work may only prepare what the node thread will find (a
 * cache): what the packet means is decided on the node thread, whether or not the work ran.
 */
@FunctionalInterface
public interface PacketPrecheck {
    /** No work: packets are delivered as soon as they are read. */
    PacketPrecheck NONE = packet -> CompletableFuture.completedFuture(null);

    /** Starts the work for {@code packet}; the future completes (normally or not) when it is done. */
    CompletableFuture<?> start(Packet packet);
}
