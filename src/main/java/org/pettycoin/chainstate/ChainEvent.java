package org.pettycoin.chainstate;

import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.TxWithProof;

/**
 * Something the chain state did that the rest of the node must act on: persist, tell peers, refresh
 * what it shows. The chain state only returns these, in the order they happened; {@link NodeLoop}
 * hands them to the journal first and to everyone else after.
 */
public sealed interface ChainEvent {
    /** Where the input that caused this came from. */
    Origin origin();

    /**
     * A block joined the tree.
     *
     * @param received the block with its frame, which is what the journal writes and peers are sent
     * @param offered true for the block that was offered, false for a detached descendant it completed
     * @param prevTxhashesAgree false if the prev_txhashes bytes we could check disagree (logged,
     *     never invalidating, as in C: docs/c-differences.md #2); such a block is not relayed
     */
    record BlockAttached(
            BlockNode block, ReceivedBlock received, Origin origin, boolean offered, boolean prevTxhashesAgree)
            implements ChainEvent {}

    /** A tx was placed in a block slot, with this fresh proof of its place. */
    record TxPlaced(BlockNode block, TxWithProof proven, Origin origin) implements ChainEvent {}

    /**
     * A complaint proved {@code block} (and its descendants) invalid: the complaint is to be
     * broadcast, to whom depending on {@code provenance}.
     *
     * @param origin where the input came from: the peer whose contents, tx or notice we found the
     *     fault in, or the peer that sent the complaint itself
     */
    record BlockInvalidated(BlockNode block, ComplaintPacket complaint, Origin origin, Provenance provenance)
            implements ChainEvent {}

    /**
     * How a complaint came to be applied here, which decides who must hear of it (C's complain.c
     * publish_complaint skips the peer it came from).
     */
    enum Provenance {
        /**
         * We built it from data (a block's contents, a tx, a tx notice) that came from the origin: the
         * origin is told too, since it holds, or relayed, the block it proves bad.
         */
        RAISED_HERE,
        /** The origin sent us this very complaint: every peer but the origin is told, once. */
        RECEIVED
    }

    /** The best known head ({@code longest_knowns[0]}, the block we mine on) moved. */
    record HeadsMoved(BlockNode from, BlockNode to, Origin origin) implements ChainEvent {}

    /**
     * {@code block} became a longest chain's tip with features locked in that this node does not
     * know ({@code unknown}, bits of its pending features outside ChainState.Config#knownFeatures):
     * once they are active its rules will not be ours (C's chain.c new_longest warns of them).
     * Recorded for every such block; whoever tells the operator decides how often.
     */
    record UnknownFeaturesPending(BlockNode block, int unknown, Origin origin) implements ChainEvent {}
}
