/**
 * Consensus rules over block and transaction contents: tx ids, refhashes and signed digests, shard
 * merkle trees and proofs, signatures under the even-S rule, stand-alone tx checks, input
 * resolution and double spends over the node's indexes ({@code TxView}), input refs, rewards and
 * claims, and the checks of complaints and tx notices received from peers.
 *
 * <p>Two pieces hold state, both thread-safe and neither deciding anything: {@code VerifiedSignatures},
 * a bounded cache of signatures found valid that {@code TxSigning} consults before secp256k1, and
 * {@code SignaturePool}, worker threads that verify incoming txs into that cache ahead of the node
 * thread. A cache miss is verified where it is asked, so no outcome depends on either.
 *
 * <p>We accept and reject exactly what the C node does (docs/c-differences.md, Policy). Where C is
 * odd but deterministic we copy it and say so next to the code; where C builds something wrong
 * (merkle proofs for txoff ≥ 2) we build it right and verify exactly as C does.
 */
package org.pettycoin.consensus;
