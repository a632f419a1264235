/**
 * The node's clock: one object every reading of time goes through, so that a test, a benchmark or
 * a replay of an old chain can say what time it is.
 *
 * <p>{@link org.pettycoin.time.NodeClock} gives two readings: wall-clock Unix time, which consensus
 * uses (header timestamp limits, the transaction horizon), as do the block timestamps we make and
 * the peer cache's times; and a monotonic reading for intervals (timeouts, idle timers, stalls),
 * which setting the wall time never moves. {@link org.pettycoin.time.SystemClock} is the machine's;
 * {@link org.pettycoin.time.MockTimeClock} starts at a given Unix time and runs on with real time
 * ({@code --mocktime}, the {@code setmocktime} RPC). Every clock may be read from any thread. This
 * package depends on nothing else in the project.
 */
package org.pettycoin.time;
