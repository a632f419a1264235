package org.pettycoin.chain;

import java.util.Objects;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.EncodedPacket;
import org.pettycoin.protocol.Hash256;

/**
 * One block as it comes to the node, whoever offers it (a peer, our miner, a user, the blockfile):
 * the decoded block, its PKT_BLOCK frame and its id, each made once. The frame is what the journal
 * writes and what peers are sent; the id is what every check and index uses. Immutable.
 */
public final class ReceivedBlock {
    private final Block block;
    private final Hash256 id;
    private final EncodedPacket frame;

    private ReceivedBlock(Block block, Hash256 id, EncodedPacket frame) {
        this.block = Objects.requireNonNull(block);
        this.id = Objects.requireNonNull(id);
        this.frame = Objects.requireNonNull(frame);
    }

    /** A block we hold decoded (ours, a user's, a welcome's best block): encoded once, hashed once. */
    public static ReceivedBlock of(Block block) {
        return new ReceivedBlock(block, BlockIds.id(block), EncodedPacket.of(new BlockPacket(block)));
    }

    /** A block whose id is already known (a solved block: the miner hashed it). */
    public static ReceivedBlock of(Block block, Hash256 id) {
        return new ReceivedBlock(block, id, EncodedPacket.of(new BlockPacket(block)));
    }

    /** A BLOCK packet with the frame it was decoded from: hashed once, never encoded. */
    public static ReceivedBlock decoded(BlockPacket packet, byte[] frame) {
        return new ReceivedBlock(packet.block(), BlockIds.id(packet.block()), EncodedPacket.decoded(packet, frame));
    }

    public Block block() {
        return block;
    }

    public Hash256 id() {
        return id;
    }

    /** The PKT_BLOCK frame: the blockfile record and what a peer is sent. */
    public EncodedPacket frame() {
        return frame;
    }

    @Override
    public String toString() {
        return "block " + id + " at height " + block.height();
    }
}
