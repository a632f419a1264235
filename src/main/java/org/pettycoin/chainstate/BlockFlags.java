package org.pettycoin.chainstate;

/**
 * What one source of blocks may skip on the way into the chain state (btcd's BehaviorFlags):
 * every block takes the same path, and these say which of its steps do not apply.
 *
 * @param checkWork check the difficulty form and proof of work; false only for a block whose nonce
 *     this node searched, which compared the id with the target already
 * @param replay a record of our own blockfile: its parent must be known already (records come
 *     parents first, so an unknown one is corruption, not a detached block), the prev_txhashes count
 *     is not checked (C's load_blocks does not: docs/c-differences.md #10), nor are its prev_txhashes
 *     bytes (they were judged when it first came), and it is neither
 *     journaled again nor relayed
 */
public record BlockFlags(boolean checkWork, boolean replay) {
    /** A peer's block, or one a user submits: every check. */
    public static final BlockFlags PEER = new BlockFlags(true, false);
    /** A block our miner or chain builder solved: its work is known good. */
    public static final BlockFlags OWN = new BlockFlags(false, false);
    /** A block record read back from our blockfile at start-up. */
    public static final BlockFlags REPLAY = new BlockFlags(true, true);
}
