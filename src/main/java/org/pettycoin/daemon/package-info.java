/**
 * The running node: {@link org.pettycoin.daemon.Node} starts, wires and stops the pieces the
 * {@code pettycoin node} command, {@code pettycoin devnet} and the benches share: the node thread
 * and its failure policy, the peer cache (which is also the one-node-per-directory lock), the
 * blockfile journal and its replay, the chain state behind its {@code NodeLoop}, the peer protocol,
 * the transport, the dialer and the seeder, in that order, and the reverse at close. It also tells
 * the operator, once a run, when the network has locked in a feature this node does not know
 * ({@link org.pettycoin.daemon.FeatureWarning}, C's new_longest warning).
 *
 * <p>A storage failure anywhere stops the node and {@link org.pettycoin.daemon.Node#failure} says
 * why; nothing is announced after it.
 */
package org.pettycoin.daemon;
