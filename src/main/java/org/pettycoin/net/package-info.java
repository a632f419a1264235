/**
 * The peer-to-peer transport: TCP connections carrying pettycoin frames ({@code le32 len},
 * {@code le32 type}, body; spec 03 §3.11), and nothing about what the packets mean.
 *
 * <p>{@link org.pettycoin.net.Transport} listens and dials on a few Netty I/O threads, which only
 * frame, decode and encode (DESIGN §3). Each connection is a {@link org.pettycoin.net.Connection}
 * handle; what happens on it reaches a {@link org.pettycoin.net.ConnectionListener} through an
 * executor the caller supplies (the node thread), one connection's events in order, never on an I/O
 * thread. Rules enforced here are those of the byte stream alone: a frame length outside 8..4 MiB
 * closes the connection at once without ERR (spec 03 §3.10), a frame that does not decode is
 * reported and ends delivery, a peer that does not complete a packet within the input timeout is
 * closed (§3.8), and a peer that does not read what we queue is closed once a byte bound is passed
 * (spec 03 §8 item 2). Whether to answer ERR, when to send a keepalive, and whom to dial are the
 * protocol layer's decisions.
 */
package org.pettycoin.net;
