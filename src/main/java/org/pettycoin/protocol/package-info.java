/**
 * The pettycoin wire format: value types, transactions, blocks, proofs, every packet, and the
 * little-endian codec that turns them into exactly the bytes the C node writes.
 *
 * <p>Rules enforced here are the syntactic ones of the C unmarshallers (lengths, versions, type
 * codes, shard order bounds). Every decoder either returns a value or throws
 * {@link org.pettycoin.protocol.ProtocolException} carrying the {@link org.pettycoin.protocol.ErrorCode}
 * the C node would give; no length field is trusted before the bytes it claims are present.
 * Fields the C node never checks ({@code unused}, {@code features}) are kept bit for bit, because
 * they are hashed and signed. Nothing here hashes or checks signatures: see {@code consensus} and
 * {@code chain}.
 */
package org.pettycoin.protocol;
