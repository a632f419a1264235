/**
 * The node's own state and the paths data takes into it: the single block intake (header checks,
 * detached blocks behind the flood gate, iterative attach cascade), the detached block pool, and
 * the blockfile loader. Later: shard and tx knowledge, the pending pool and the node thread.
 *
 * <p>Everything here is owned by the node thread; nothing is locked. Every structure a peer can fill
 * is bounded.
 */
package org.pettycoin.node;
