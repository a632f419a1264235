package org.pettycoin.chainstate;

import java.util.List;
import java.util.Optional;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Position;

/**
 * What became of block contents a peer sent (SHARD, HASHES_IN_BLOCK, TX_IN_BLOCK, a complaint or a
 * tx notice) and what to do next. Each kind carries only what it means; callers tell them apart by
 * type ({@link #outcome()} names the kind in one word, for logs and tests).
 */
public sealed interface ContentResult {
    /** The kinds of result, one per record. */
    enum Outcome {
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

    Outcome outcome();

    /** What the chain state did, in order: for the journal, then the peers (none for a refusal). */
    List<ChainEvent> events();

    /**
     * The packet was taken in (stored, known already, or proving a block invalid): what it showed
     * we still need from peers.
     */
    sealed interface Accepted extends ContentResult {
        /** Txids to fetch (unknown inputs). */
        List<Hash256> wantedTxs();

        /** Slots whose tx to fetch ({@code GET_TX_IN_BLOCK}): only in shards we hold. */
        List<Position> wantedSlots();

        /**
         * Shards we do not hold whose txs paying into ours to ask for ({@code GET_TXMAP}, as C's
         * recv_block.c get_block_contents does for a shard it is not interested in).
         */
        List<BlockShard> wantedTxMaps();
    }

    /** New contents stored. */
    record Stored(
            List<Hash256> wantedTxs, List<Position> wantedSlots, List<BlockShard> wantedTxMaps, List<ChainEvent> events)
            implements Accepted {
        public Stored {
            wantedTxs = List.copyOf(wantedTxs);
            wantedSlots = List.copyOf(wantedSlots);
            wantedTxMaps = List.copyOf(wantedTxMaps);
            events = List.copyOf(events);
        }

        @Override
        public Outcome outcome() {
            return Outcome.STORED;
        }
    }

    /** Nothing new (a complaint or notice that changed nothing lands here too). */
    record AlreadyKnown(
            List<Hash256> wantedTxs, List<Position> wantedSlots, List<BlockShard> wantedTxMaps, List<ChainEvent> events)
            implements Accepted {
        public AlreadyKnown {
            wantedTxs = List.copyOf(wantedTxs);
            wantedSlots = List.copyOf(wantedSlots);
            wantedTxMaps = List.copyOf(wantedTxMaps);
            events = List.copyOf(events);
        }

        @Override
        public Outcome outcome() {
            return Outcome.ALREADY_KNOWN;
        }
    }

    /** The contents proved a block invalid: {@code complaint} is raised and applied, and to be broadcast. */
    record Complained(
            ComplaintPacket complaint,
            List<Hash256> wantedTxs,
            List<Position> wantedSlots,
            List<BlockShard> wantedTxMaps,
            List<ChainEvent> events)
            implements Accepted {
        public Complained {
            wantedTxs = List.copyOf(wantedTxs);
            wantedSlots = List.copyOf(wantedSlots);
            wantedTxMaps = List.copyOf(wantedTxMaps);
            events = List.copyOf(events);
        }

        @Override
        public Outcome outcome() {
            return Outcome.COMPLAINED;
        }
    }

    /** The block named is unknown: ask for {@code block}. */
    record UnknownBlock(Hash256 block) implements ContentResult {
        @Override
        public Outcome outcome() {
            return Outcome.UNKNOWN_BLOCK;
        }

        @Override
        public List<ChainEvent> events() {
            return List.of();
        }
    }

    /**
     * The block is known to be invalid: answer with its complaint, store nothing.
     *
     * @param complaint the complaint that made it, or an ancestor, invalid, as we hold it
     */
    record BlockInvalid(Optional<ComplaintPacket> complaint, List<ChainEvent> events) implements ContentResult {
        public BlockInvalid {
            events = List.copyOf(events);
        }

        @Override
        public Outcome outcome() {
            return Outcome.BLOCK_INVALID;
        }
    }

    /** The packet broke a rule: send {@code error} and hang up. */
    record Refused(ErrorCode error) implements ContentResult {
        @Override
        public Outcome outcome() {
            return Outcome.REFUSED;
        }

        @Override
        public List<ChainEvent> events() {
            return List.of();
        }
    }
}
