/**
 * The node's own state and the paths data takes into it. {@code ChainState} is the one entry point:
 * the block intake (header checks, detached blocks behind the flood gate, iterative attach
 * cascade), what we know of each block's shards (unknown, hash-only or full slots, with proofs),
 * the txid and spent-output indexes, input and double-spend checks that raise complaints, the
 * pending pool, and the blockfile journal that replays at start-up and appends as things happen.
 * Every block comes in through {@code ChainState.processBlock} with {@code BlockFlags} saying what
 * its source may skip; every input returns its {@code ChainEvent}s instead of calling anyone, and
 * {@code NodeLoop} gives them to the journal before anything else.
 *
 * <p>Everything here is owned by the node thread, and {@code NodeThread} is that thread: the only
 * way onto it, for the network, the miner, RPC calls and timers alike, and the one place its
 * failure policy lives. Nothing is locked. {@code ChainState} checks its owner ({@code ThreadOwner})
 * at every entry point that changes it. The journal throws {@code StorageFailure} when the
 * blockfile cannot be written or synced, and the node stops on it. Every structure a peer can fill
 * is bounded.
 */
package org.pettycoin.chainstate;
