package org.pettycoin.protocol;

/**
 * PKT_BLOCK (8) with {@code err = 0}: a marshalled block, as an answer to GET_BLOCK or unsolicited.
 * Also the blockfile's block record (C's blockfile.c save_block).
 */
public record BlockPacket(Block block) implements Packet {
    @Override
    public PacketType type() {
        return PacketType.BLOCK;
    }
}
