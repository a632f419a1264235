/**
 * The node on the network: the transport, the peer protocol, and the node that runs them.
 *
 * <p>{@link org.pettycoin.net.Transport} listens and dials on a few Netty I/O threads, which only
 * frame, decode and encode (docs/architecture.md); its rules are those of the byte stream alone: a
 * frame length outside 8..4 MiB closes the connection without ERR (as C's packet_io.c), a frame
 * that does not decode is reported and ends delivery, no complete packet within the input timeout
 * closes (C's PROTOCOL_INPUT_TIMEOUT), a peer that does not read what we queue is closed past a byte
 * bound, and one that sends faster than the node thread handles is not read until the backlog
 * drains (docs/c-differences.md #34). It holds at most
 * {@link org.pettycoin.net.PeerLimits} connections (C's MAX_PEERS, and a few per address); a
 * connection over them is closed in the acceptor, before it costs anything.
 *
 * <p>{@link org.pettycoin.net.PeerNetwork} is the protocol, on the node thread: the welcome and its
 * checks, sync from each peer's best block, contents within the horizon, answers to every request as
 * C answers them, propagation, and what misbehaviour costs: every fault a peer can commit is a
 * {@link org.pettycoin.net.Misbehaviour} with the ERR it is answered with and its penalty (ban,
 * score, disconnect, or tolerated as an honest C node's quirk), and {@code PeerNetwork.punish}
 * alone applies them; a lower layer's {@code ProtocolException} is named by
 * {@link org.pettycoin.net.Misbehaviour#of}. What we want from peers goes through the
 * {@link org.pettycoin.net.RequestScheduler}: one peer per item, a window of many in flight per peer,
 * timeouts re-routed, no slot ever leaked. {@link org.pettycoin.net.Dialer} keeps us connected, and
 * {@link org.pettycoin.net.Seeder} finds addresses when it has none left (C's seed_peers);
 * {@link org.pettycoin.net.Node} owns the node thread and starts and stops everything in order.
 *
 * <p>{@link org.pettycoin.node.NodeThread} is the only way onto the node thread (connection events,
 * calls, timers, the miner, the dialler) and holds its one failure policy: a storage failure anywhere
 * stops the node and nothing runs or is announced after it; any other unexpected exception is logged
 * once with its stack and closes only the connection, or fails only the call, that caused it; a timer
 * that throws keeps its schedule. {@code PeerNetwork} checks that it is called on the node thread.
 */
package org.pettycoin.net;
