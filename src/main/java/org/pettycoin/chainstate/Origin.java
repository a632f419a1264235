package org.pettycoin.chainstate;

/**
 * Where an input to the chain state came from, carried in the events it causes: a broadcast
 * caused by a peer's packet skips that peer, and what the blockfile replays is not written again.
 */
public sealed interface Origin {
    /** This node: our miner, a user over JSON-RPC, a tool or a test. */
    Origin LOCAL = new Local();
    /** Our own blockfile, replayed at start-up. */
    Origin BLOCKFILE = new Blockfile();

    /** The peer on connection {@code connection} (the transport's connection id). */
    static Origin peer(int connection) {
        return new Peer(connection);
    }

    record Peer(int connection) implements Origin {}

    record Local() implements Origin {}

    record Blockfile() implements Origin {}
}
