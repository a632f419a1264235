package org.pettycoin.consensus;

import java.util.Optional;

/**
 * What {@link InputChecks#check} found ({@code enum input_ecode} of C's check_tx.h).
 *
 * @param input the input concerned: the bad one, or the last unknown one; -1 when OK
 * @param conflict for DOUBLESPEND, the other spend's slot (the first found, never the tx's own)
 */
public record InputVerdict(Kind kind, int input, Optional<TxSlot> conflict) {
    /** The outcomes of input resolution. */
    public enum Kind {
        OK,
        UNKNOWN,
        BAD,
        BAD_AMOUNT,
        DOUBLESPEND,
        CLAIM_BAD
    }

    public static final InputVerdict OK = new InputVerdict(Kind.OK, -1, Optional.empty());

    public static InputVerdict of(Kind kind, int input) {
        return new InputVerdict(kind, input, Optional.empty());
    }

    public boolean ok() {
        return kind == Kind.OK;
    }

    /** BAD, BAD_AMOUNT, DOUBLESPEND or CLAIM_BAD: the tx can never be valid where it was checked. */
    public boolean refused() {
        return kind != Kind.OK && kind != Kind.UNKNOWN;
    }
}
