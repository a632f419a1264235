package org.pettycoin.protocol;

/** PKT_GET_TX (11): asks for a tx by id; the answer is TX, or TX_IN_BLOCK if it is in a block. */
public record GetTxPacket(Hash256 txid) implements Packet {
    @Override
    public PacketType type() {
        return PacketType.GET_TX;
    }
}
