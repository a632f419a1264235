package org.pettycoin.protocol;

import java.util.Optional;

/**
 * The protocol error codes ({@code enum protocol_ecode}) with their wire numbers (C's protocol_ecode.h).
 * A packet handler that fails with one of these sends {@code PKT_ERR} with the number and hangs up.
 */
public enum ErrorCode {
    NONE(0),
    UNKNOWN_COMMAND(1),
    INVALID_LEN(2),
    SHOULD_BE_WAITING(3),
    UNKNOWN_ERRCODE(4),
    HIGH_VERSION(5),
    LOW_VERSION(6),
    NO_INTEREST(7),
    WRONG_GENESIS(8),
    BAD_SHARD_ORDER(9),
    NO_MUTUAL(10),
    FILTER_INVALID(11),
    UNKNOWN_BLOCK(12),
    UNKNOWN_SHARD(13),
    UNKNOWN_TX(14),
    BAD_TXOFF(15),
    BAD_SHARDNUM(16),
    BLOCK_HIGH_VERSION(17),
    BLOCK_LOW_VERSION(18),
    MALFORMED_DIFFICULTY(19),
    BAD_TIMESTAMP(20),
    BAD_PREV_TXHASHES(21),
    BAD_DIFFICULTY(22),
    INSUFFICIENT_WORK(23),
    BAD_HEIGHT(24),
    BAD_PREVS(25),
    TX_HIGH_VERSION(26),
    TX_LOW_VERSION(27),
    TX_TYPE_UNKNOWN(28),
    TX_BAD_GATEWAY(29),
    TX_CROSS_SHARDS(30),
    TX_TOO_LARGE(31),
    TX_TOO_SMALL(32),
    TX_BAD_SIG(33),
    TX_TOO_MANY_INPUTS(34),
    BAD_PROOF(35),
    REF_BAD_BLOCKS_AGO(36),
    REF_BAD_SHARD(37),
    REF_BAD_TXOFF(38),
    BAD_MERKLE(39),
    COMPLAINT_INVALID(40),
    BAD_INPUTNUM(41),
    BAD_INPUT(42),
    BAD_MISORDER_POS(43),
    BAD_DOUBLESPEND_BLOCKS(44),
    /** First invalid value on the wire. */
    MAX(45),
    /** Internal only ("I don't know the previous block"); never sent. */
    PRIV_UNKNOWN_PREV(46);

    private static final ErrorCode[] BY_CODE = values();

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The C node's display name, e.g. {@code PROTOCOL_ECODE_INVALID_LEN} (used in JSON-RPC errors). */
    public String cName() {
        return "PROTOCOL_ECODE_" + name();
    }

    /** The code with this number, if it is one of ours (including the internal 45 and 46). */
    public static Optional<ErrorCode> fromCode(long code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[(int) code]) : Optional.empty();
    }

    /** True if a peer may legitimately send this code in a {@code PKT_ERR} (below {@link #MAX}). */
    public boolean isWireValid() {
        return code < MAX.code;
    }
}
