/**
 * The pettycoin wire format: value types, transactions, blocks, proofs, every packet and the frame
 * it travels in, and the little-endian codecs that turn them into exactly the bytes the C node writes.
 *
 * <p>Rules enforced here are the syntactic ones of the C unmarshallers and packet receivers: frame
 * bounds, lengths, versions, type codes, shard order bounds, the err values a reply may carry. Every
 * decoder either returns a value or throws {@link org.pettycoin.protocol.ProtocolException} carrying
 * the {@link org.pettycoin.protocol.ErrorCode} the C node would give; no length field is trusted
 * before the bytes it claims are present. Fields the C node never checks ({@code unused},
 * {@code features}, the packet fields it leaves uninitialised) are kept bit for bit, because they are
 * hashed and signed, and so that a decoded packet re-encodes to the bytes received. Rules that need
 * the chain or the connection (a shard's entry count, a welcome's version and interests, filter
 * values) belong to the receiver. Nothing here hashes or checks signatures: see {@code consensus}
 * and {@code chain}.
 */
package org.pettycoin.protocol;
