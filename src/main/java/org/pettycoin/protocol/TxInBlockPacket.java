package org.pettycoin.protocol;

/**
 * PKT_TX_IN_BLOCK (15) with {@code err = 0}: a tx with its refs and the proof of its position.
 * Also the blockfile's tx record (C's blockfile.c save_tx).
 */
public record TxInBlockPacket(TxWithProof proven) implements Packet {
    @Override
    public PacketType type() {
        return PacketType.TX_IN_BLOCK;
    }
}
