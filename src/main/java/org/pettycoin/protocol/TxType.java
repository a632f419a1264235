package org.pettycoin.protocol;

import java.util.Optional;

/** Transaction kinds: the low 7 bits of a tx's type byte (C's protocol.h). */
public enum TxType {
    NORMAL(0),
    FROM_GATEWAY(1),
    TO_GATEWAY(2),
    CLAIM(3);

    private static final TxType[] BY_CODE = values();

    private final int code;

    TxType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The kind named by a type byte (fee bit ignored), if known. */
    public static Optional<TxType> fromTypeByte(int typeByte) {
        int kind = typeByte & ~Protocol.FEE_TYPE & 0xff;
        return kind < BY_CODE.length ? Optional.of(BY_CODE[kind]) : Optional.empty();
    }
}
