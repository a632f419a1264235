package org.pettycoin.chainstate;

import java.util.List;
import java.util.Optional;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Position;

/**
 * What became of block contents a peer sent (SHARD, HASHES_IN_BLOCK or TX_IN_BLOCK) and what to
 * do next.
 *
 * @param error for {@link Outcome#REFUSED}: the ecode to send before hanging up
 * @param complaint for {@link Outcome#BLOCK_INVALID}, the complaint to answer with; for
 *     {@link Outcome#COMPLAINED}, the complaint we just raised and must broadcast
 * @param wantedBlock for {@link Outcome#UNKNOWN_BLOCK}: the block to ask for
 * @param wantedTxs txids to fetch (unknown inputs)
 * @param wantedSlots slots whose tx to fetch ({@code GET_TX_IN_BLOCK})
 * @param events what the chain state did, in order: for the journal, then the peers
 */
public record ContentResult(
        Outcome outcome,
        ErrorCode error,
        Optional<ComplaintPacket> complaint,
        Optional<Hash256> wantedBlock,
        List<Hash256> wantedTxs,
        List<Position> wantedSlots,
        List<ChainEvent> events) {
    public ContentResult {
        wantedTxs = List.copyOf(wantedTxs);
        wantedSlots = List.copyOf(wantedSlots);
        events = List.copyOf(events);
    }

    /** The kinds of result. */
    public enum Outcome {
        /** New contents stored (some may still be wanted). */
        STORED,
        /** Nothing new. */
        ALREADY_KNOWN,
        /** The block is unknown: ask for it. */
        UNKNOWN_BLOCK,
        /** The block is known to be invalid: answer with its complaint, store nothing. */
        BLOCK_INVALID,
        /** The packet broke a rule: send the error and hang up. */
        REFUSED,
        /** The contents proved a block invalid: the complaint is raised and applied. */
        COMPLAINED
    }

    public static ContentResult refused(ErrorCode error) {
        return new ContentResult(
                Outcome.REFUSED, error, Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
    }

    public static ContentResult unknownBlock(Hash256 block) {
        return new ContentResult(
                Outcome.UNKNOWN_BLOCK,
                ErrorCode.NONE,
                Optional.empty(),
                Optional.of(block),
                List.of(),
                List.of(),
                List.of());
    }
}
