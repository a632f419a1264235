/**
 * Cryptography: SHA-256 and double SHA-256 (with a reusable midstate for mining), RIPEMD-160 and
 * hash160 addresses, secp256k1 signatures, base58 and the address and private-key strings.
 *
 * <p>Rules enforced here (C's signature.c, base58.c): signatures are raw r ‖ s over a digest used as-is; the
 * even-S rule (signers flip an odd s, verifiers reject one) and no low-S rule; public keys are
 * always compressed; base58 decoding is value-based exactly like the C node's. libsecp256k1 (native)
 * is used when it loads, BouncyCastle otherwise, and the two agree on every input.
 */
package org.pettycoin.crypto;
