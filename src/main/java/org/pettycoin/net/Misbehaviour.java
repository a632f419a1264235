package org.pettycoin.net;

import static org.pettycoin.protocol.ErrorCode.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pettycoin.protocol.ErrorCode;

/**
 * Every fault of a peer that the node recognises, with what it costs: the ERR code it is answered
 * with (if any) and a {@link Penalty}. {@link PeerNetwork} applies them all in one place; a fault a
 * lower layer found arrives as a {@link org.pettycoin.protocol.ProtocolException} and is named by
 * {@link #of(ErrorCode)}, the one table from codes to faults.
 *
 * <p>A fault that covers several codes answers with the code the check found (C's recv_* functions
 * each send the ecode their check returned); one found here answers with its first code.
 */
public enum Misbehaviour {
    // ---------------------------------------------------------------- packets

    /** A frame that does not decode (C's packet checks): answered with the decoder's code. */
    MALFORMED_PACKET(Penalty.BAN),
    /** A packet type not allowed now: anything but WELCOME first, WELCOME again, an unknown type. */
    UNKNOWN_COMMAND(Penalty.BAN, ErrorCode.UNKNOWN_COMMAND, SHOULD_BE_WAITING),
    /** A list of the wrong length for what it describes (a shard's hashes, a TXMAP bitmap). */
    BAD_LENGTH(Penalty.BAN, INVALID_LEN),
    /** An error code outside those a reply may carry (SHARD with an error not UNKNOWN_*). */
    BAD_ERRCODE(Penalty.BAN, UNKNOWN_ERRCODE),

    // ---------------------------------------------------------------- welcome (C's welcome.c check_welcome)

    /** A protocol version we do not speak. */
    WELCOME_VERSION(Penalty.BAN, HIGH_VERSION, LOW_VERSION),
    /** Too few interest bits, or none in common. */
    WELCOME_INTERESTS(Penalty.BAN, NO_INTEREST, NO_MUTUAL),
    /** Its best block can never attach here (C: WRONG_GENESIS); see docs/c-differences.md #36. */
    WRONG_GENESIS(Penalty.DISCONNECT, ErrorCode.WRONG_GENESIS),
    /** The welcome came from this very node (C's peer.c welcome_received). */
    SELF_DIAL(Penalty.DISCONNECT),
    /** Its node is already connected to us (C's peer.c welcome_received). */
    DUPLICATE_UUID(Penalty.DISCONNECT),
    /** Its node broke the protocol less than the ban time ago (docs/c-differences.md #45). */
    BANNED(Penalty.DISCONNECT),

    // ---------------------------------------------------------------- blocks and contents

    /** A block header that breaks a rule (C's check_block_header and friends). */
    INVALID_BLOCK(
            Penalty.BAN,
            BLOCK_HIGH_VERSION,
            BLOCK_LOW_VERSION,
            BAD_SHARD_ORDER,
            MALFORMED_DIFFICULTY,
            BAD_TIMESTAMP,
            BAD_PREV_TXHASHES,
            BAD_DIFFICULTY,
            INSUFFICIENT_WORK,
            BAD_HEIGHT,
            BAD_PREVS,
            // Only ever found replaying our own blockfile; listed so that every code has its fault.
            PRIV_UNKNOWN_PREV),
    /** A shard number or tx offset the block does not have. */
    BAD_POSITION(Penalty.BAN, BAD_SHARDNUM, BAD_TXOFF),
    /** A block, shard or tx named where it must be known (CHILDREN we never asked for, a complaint's block). */
    UNKNOWN_ITEM(Penalty.BAN, UNKNOWN_BLOCK, UNKNOWN_SHARD, UNKNOWN_TX),
    /** A tx that fails C's check_tx. */
    INVALID_TX(
            Penalty.BAN,
            TX_HIGH_VERSION,
            TX_LOW_VERSION,
            TX_TYPE_UNKNOWN,
            TX_BAD_GATEWAY,
            TX_CROSS_SHARDS,
            TX_TOO_LARGE,
            TX_TOO_SMALL,
            TX_BAD_SIG,
            TX_TOO_MANY_INPUTS),
    /** Input refs that do not point where they must (C's check_refs). */
    INVALID_REFS(Penalty.BAN, REF_BAD_BLOCKS_AGO, REF_BAD_SHARD, REF_BAD_TXOFF),
    /** A merkle proof or shard that does not match the block's merkle root. */
    BAD_PROOF(Penalty.BAN, ErrorCode.BAD_PROOF, BAD_MERKLE),
    /** A complaint or tx notice that proves nothing (C's recv_complain.c, peer.c recv_tx_bad_*). */
    FORGED_COMPLAINT(Penalty.BAN, COMPLAINT_INVALID, BAD_INPUTNUM, BAD_INPUT, BAD_MISORDER_POS, BAD_DOUBLESPEND_BLOCKS),
    /** A SET_FILTER with no filter or an offset past 19 (C's peer.c recv_set_filter). */
    FILTER_INVALID(Penalty.BAN, ErrorCode.FILTER_INVALID),

    // ---------------------------------------------------------------- behaviour over time

    /** One request it left unanswered past the timeout (docs/c-differences.md #35). */
    UNANSWERED_REQUEST(Penalty.score(1)),
    /** While we sync from it, its best block came no nearer for too long (docs/c-differences.md #42). */
    SYNC_STALLED(Penalty.DISCONNECT),
    /** It sent ERR: it is hanging up on us, so we hang up too, as C does. */
    SENT_ERR(Penalty.DISCONNECT),

    // ---------------------------------------------------------------- C quirks we tolerate (docs/c-differences.md #36)

    /** A TXMAP carrying an error: C hangs up on one (docs/c-differences.md #30). */
    ERROR_TXMAP(Penalty.TOLERATED),
    /** An empty PEERS: C refuses one as INVALID_LEN (docs/c-differences.md #29). */
    EMPTY_PEERS(Penalty.TOLERATED),
    /** A valid TX_DOUBLESPEND: C hangs up after acting on one (docs/c-differences.md #24). */
    DOUBLESPEND_NOTICE(Penalty.TOLERATED),
    /**
     * A C node's COMPLAIN_DOUBLESPEND proving one slot twice, which C raises when it takes a tx for
     * its own other spend (docs/c-differences.md #18, #53): refused, not applied, not held against it.
     */
    C_SELF_DOUBLESPEND(Penalty.TOLERATED);

    /** What a fault costs the peer. */
    public sealed interface Penalty {
        /** ERR (if the fault has a code), hang up, and refuse its node (by uuid) for the ban time. */
        Penalty BAN = new Ban();
        /** Hang up, with ERR if the fault has a code, without a ban. */
        Penalty DISCONNECT = new Disconnect();
        /** An honest C node does this: noted at debug level, nothing else. */
        Penalty TOLERATED = new Tolerated();

        /** Adds {@code points} to the peer's score; past the limit it is disconnected (no ERR, no ban). */
        static Penalty score(int points) {
            return new Score(points);
        }

        /** Banned: see {@link #BAN}. */
        record Ban() implements Penalty {}

        /** Scored: see {@link #score(int)}. */
        record Score(int points) implements Penalty {
            public Score {
                if (points <= 0) {
                    throw new IllegalArgumentException("a score penalty adds at least 1, not " + points);
                }
            }
        }

        /** Hung up on: see {@link #DISCONNECT}. */
        record Disconnect() implements Penalty {}

        /** Let be: see {@link #TOLERATED}. */
        record Tolerated() implements Penalty {}
    }

    private static final Map<ErrorCode, Misbehaviour> BY_CODE = new EnumMap<>(ErrorCode.class);

    static {
        for (Misbehaviour m : values()) {
            for (ErrorCode c : m.codes) {
                Misbehaviour before = BY_CODE.put(c, m);
                if (before != null) {
                    throw new IllegalStateException(c + " is both " + before + " and " + m);
                }
            }
        }
    }

    // Penalties are field-less records or a record of one int; the list is List.of's, unmodifiable.
    @SuppressWarnings("ImmutableEnumChecker")
    private final Penalty penalty;

    @SuppressWarnings("ImmutableEnumChecker")
    private final List<ErrorCode> codes;

    Misbehaviour(Penalty penalty, ErrorCode... codes) {
        this.penalty = penalty;
        this.codes = List.of(codes);
    }

    public Penalty penalty() {
        return penalty;
    }

    /** The codes a lower layer reports this fault with; the first is what we answer when we find it here. */
    public List<ErrorCode> codes() {
        return codes;
    }

    /** The ERR code this fault is answered with when found here, if it is answered with one. */
    public Optional<ErrorCode> err() {
        return codes.isEmpty() ? Optional.empty() : Optional.of(codes.get(0));
    }

    /**
     * The fault a lower layer means by {@code code} (a {@link org.pettycoin.protocol.ProtocolException}
     * from decoding, consensus or the chain state).
     *
     * @throws IllegalArgumentException for {@link ErrorCode#NONE} and {@link ErrorCode#MAX}, which
     *     name no fault
     */
    public static Misbehaviour of(ErrorCode code) {
        Misbehaviour m = BY_CODE.get(code);
        if (m == null) {
            throw new IllegalArgumentException(code + " names no fault");
        }
        return m;
    }
}
