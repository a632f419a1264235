package org.pettycoin.consensus;

import org.pettycoin.chain.BlockNode;
import org.pettycoin.protocol.Hash256;

/**
 * What a complaint packet (types 24–30) established, when it was not refused with a
 * {@link org.pettycoin.protocol.ProtocolException}. The two outcomes need different actions from the
 * node (C's complain.c publish_complaint for one), so they are different types rather than a flag.
 */
public sealed interface ComplaintVerdict {
    /**
     * The complaint proves {@code block} invalid: mark it and its descendants, and relay the
     * complaint unchanged (unless the block already had one).
     */
    record Proved(BlockNode block) implements ComplaintVerdict {}

    /**
     * The complaint is about block {@code id}, which we do not hold: drop the complaint (C does not
     * keep it either) and ask for the block. Not the sender's fault, so no error goes back.
     */
    record UnknownBlock(Hash256 id) implements ComplaintVerdict {}
}
