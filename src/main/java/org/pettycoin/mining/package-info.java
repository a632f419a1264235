/**
 * Making blocks. {@link org.pettycoin.mining.Miner} mines on {@code longest_knowns[0]} with the
 * template C's generating.c builds (prev_txhashes, pending txs with their refs in canonical shard order,
 * timestamp max(now, median + 1)): templates are built on the node thread, hashing runs on worker
 * threads over a SHA-256 midstate so each attempt hashes only the tailer, and a solution is taken
 * through the same acceptance path as a peer's block, then announced. The template follows every
 * change of head or pool, including when nothing is pending (the C node forgot that case).
 *
 * <p>{@link org.pettycoin.mining.ChainBuilder} mines valid regtest chains (with transactions, forks
 * and chosen timestamps) in seconds for tests and benchmarks, feeds them to a node as peers would and
 * writes them out as blockfiles; {@code generate} on regtest uses it too.
 */
package org.pettycoin.mining;
