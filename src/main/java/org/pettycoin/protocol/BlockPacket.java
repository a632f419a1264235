package org.pettycoin.protocol;

/**
 * PKT_BLOCK (8) with {@code err = 0}: a marshalled block, as an answer to GET_BLOCK or unsolicited.
 * Also the blockfile's block record (spec 01 §11.1).
 */
public record BlockPacket(Block block) implements Packet {
    @Override
    public PacketType type() {
        return PacketType.BLOCK;
    }
}
