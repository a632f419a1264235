/**
 * The byte stream: Netty connections that frame, decode and encode, and nothing of the protocol's
 * meaning.
 *
 * <p>{@link org.pettycoin.transport.Transport} listens and dials on a few Netty I/O threads
 * (docs/architecture.md). Its rules are those of the byte stream alone: a frame length outside
 * 8..4 MiB closes the connection without ERR (as C's packet_io.c), a frame that does not decode is
 * reported and ends delivery, no complete packet within the input timeout closes (C's
 * PROTOCOL_INPUT_TIMEOUT), a peer that does not read what we queue is closed past a byte bound, and
 * one that sends faster than the node thread handles is not read until the backlog drains
 * (docs/c-differences.md #34). It holds at most {@link org.pettycoin.transport.PeerLimits}
 * connections (C's MAX_PEERS, and a few per address); a connection over them is closed in the
 * acceptor, before it costs anything.
 *
 * <p>Events reach the listener ({@link org.pettycoin.transport.ConnectionListener}, the peer
 * protocol) on the node thread, in order for each connection, through a
 * {@link org.pettycoin.transport.SerialExecutor}: a bug while handling one connection's event closes
 * that connection only; a storage failure stops the node ({@link org.pettycoin.chainstate.NodeThread}).
 * A {@link org.pettycoin.transport.PacketPrecheck} (the node's signature pool) may start work on each
 * decoded packet; the packet, and every event read after it, waits for that work, so order holds.
 *
 * <p>Every frame in and out is logged at io level by {@link org.pettycoin.transport.PacketLog}, on a
 * logger of its own, and costs nothing when that logger is off.
 */
package org.pettycoin.transport;
