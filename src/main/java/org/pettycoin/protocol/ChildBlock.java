package org.pettycoin.protocol;

/**
 * {@code protocol_net_childblock} (64 bytes): a child's id and the hash of its descendants, zero when
 * the child lies on the sender's preferred chain (C's sync.c recv_get_children).
 */
public record ChildBlock(Hash256 block, Hash256 descendants) {
    public static final int LENGTH = 2 * Hash256.LENGTH;
}
