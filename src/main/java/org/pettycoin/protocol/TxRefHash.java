package org.pettycoin.protocol;

/** {@code protocol_txrefhash} (64 bytes): a tx id and the hash of its input refs; a merkle leaf's pre-image. */
public record TxRefHash(Hash256 txid, Hash256 refhash) {
    public static final int LENGTH = 2 * Hash256.LENGTH;
}
