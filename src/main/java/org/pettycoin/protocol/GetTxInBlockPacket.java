package org.pettycoin.protocol;

/** PKT_GET_TX_IN_BLOCK (14): asks for the tx at a block position; the answer is TX_IN_BLOCK. */
public record GetTxInBlockPacket(Position position) implements Packet {
    @Override
    public PacketType type() {
        return PacketType.GET_TX_IN_BLOCK;
    }
}
