/**
 * The peer protocol, on the node thread, over the connections {@code transport} gives it.
 *
 * <p>{@link org.pettycoin.net.PeerNetwork} is the protocol: the welcome and its checks, sync from
 * each peer's best block, contents within the horizon, answers to every request as C answers them,
 * propagation, and what misbehaviour costs: every fault a peer can commit is a
 * {@link org.pettycoin.net.Misbehaviour} with the ERR it is answered with and its penalty (ban,
 * score, disconnect, or tolerated as an honest C node's quirk), and {@code PeerFaults.punish}
 * alone applies them; a lower layer's {@code ProtocolException} is named by
 * {@link org.pettycoin.net.Misbehaviour#of}. What peers send of the chain's contents (shards, txs in
 * blocks, loose txs, complaints and tx notices) goes to the chain state through {@code ContentTraffic},
 * which acts on the outcome: a fault charged, a complaint sent back, what is missing wanted, a tx
 * relayed to the peers that want it. Which complaints and tx notices a peer is sent depends on
 * whether it is one of ours or taken for a C node, which refuses some honest ones: that rule is
 * {@code ComplaintAudience} alone (docs/c-differences.md #53). What we want from peers goes through the
 * {@link org.pettycoin.net.RequestScheduler}: one peer per item, a window of many in flight per peer,
 * timeouts re-routed, no slot ever leaked. {@link org.pettycoin.net.Dialer} keeps us connected, and
 * {@link org.pettycoin.net.Seeder} finds addresses when it has none left (C's seed_peers).
 *
 * <p>Everything here runs on the node thread ({@link org.pettycoin.chainstate.NodeThread}), and
 * {@code PeerNetwork} checks that it is called there. Inputs reach the chain state only through the
 * node's {@link org.pettycoin.chainstate.NodeLoop}, whose events tell this package what to relay.
 */
package org.pettycoin.net;
