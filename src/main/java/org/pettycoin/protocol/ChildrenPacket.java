package org.pettycoin.protocol;

import java.util.List;

/**
 * PKT_CHILDREN (6) with {@code err = 0}: the direct children of {@code block}, in the order the
 * sender learned them, each with the hash of its descendants (C's sync.c recv_get_children).
 */
public record ChildrenPacket(Hash256 block, List<ChildBlock> children) implements Packet {
    public ChildrenPacket {
        children = List.copyOf(children);
    }

    @Override
    public PacketType type() {
        return PacketType.CHILDREN;
    }
}
