/**
 * Consensus rules over block and transaction contents: tx ids, refhashes and signed digests, shard
 * merkle trees and proofs, signatures under the even-S rule, and (as they arrive) the validation of
 * transactions, inputs, refs, rewards and complaints.
 *
 * <p>We accept and reject exactly what the C node does (DESIGN §2). Where C is odd but deterministic
 * we copy it and say so next to the code; where C builds something wrong (merkle proofs for
 * txoff ≥ 2) we build it right and verify exactly as C does.
 */
package org.pettycoin.consensus;
