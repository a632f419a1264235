package org.pettycoin.protocol;

import java.util.Optional;

/**
 * Packet types ({@code enum protocol_pkt_type}) with their wire numbers (C's protocol_net.h).
 * {@link #NONE}, the two unused slots and {@link #MAX} never decode (UNKNOWN_COMMAND); they are here
 * so that a received number can still be named in a log.
 */
public enum PacketType {
    NONE(0),
    ERR(1),
    WELCOME(2),
    UNUSED1(3),
    UNUSED2(4),
    GET_CHILDREN(5),
    CHILDREN(6),
    GET_BLOCK(7),
    BLOCK(8),
    GET_SHARD(9),
    SHARD(10),
    GET_TX(11),
    TX(12),
    HASHES_IN_BLOCK(13),
    GET_TX_IN_BLOCK(14),
    TX_IN_BLOCK(15),
    GET_TXMAP(16),
    TXMAP(17),
    SET_FILTER(18),
    GET_PEERS(19),
    PEERS(20),
    TX_BAD_INPUT(21),
    TX_BAD_AMOUNT(22),
    TX_DOUBLESPEND(23),
    COMPLAIN_TX_MISORDER(24),
    COMPLAIN_TX_INVALID(25),
    COMPLAIN_TX_BAD_INPUT(26),
    COMPLAIN_DOUBLESPEND(27),
    COMPLAIN_BAD_INPUT_REF(28),
    COMPLAIN_TX_BAD_AMOUNT(29),
    COMPLAIN_CLAIM_INPUT_INVALID(30),
    PIGGYBACK(31),
    /** First invalid value. */
    MAX(32);

    private static final PacketType[] BY_CODE = values();

    private final int code;

    PacketType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The C node's display name, e.g. {@code PROTOCOL_PKT_BLOCK} (pkt_names.c). */
    public String cName() {
        return "PROTOCOL_PKT_" + name();
    }

    /** The type with this number (an unsigned le32 on the wire), if it is one of the enum's. */
    public static Optional<PacketType> fromCode(long code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[(int) code]) : Optional.empty();
    }
}
