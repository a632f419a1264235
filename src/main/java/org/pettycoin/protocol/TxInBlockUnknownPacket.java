package org.pettycoin.protocol;

/**
 * PKT_TX_IN_BLOCK (15) with {@code err} UNKNOWN_BLOCK or UNKNOWN_TX: the sender does not know the
 * block, or not the tx at that position; {@code position} echoes the request.
 */
public record TxInBlockUnknownPacket(ErrorCode reason, Position position) implements Packet {
    public TxInBlockUnknownPacket {
        if (reason != ErrorCode.UNKNOWN_BLOCK && reason != ErrorCode.UNKNOWN_TX) {
            throw new IllegalArgumentException("TX_IN_BLOCK cannot carry " + reason.cName());
        }
    }

    @Override
    public PacketType type() {
        return PacketType.TX_IN_BLOCK;
    }
}
