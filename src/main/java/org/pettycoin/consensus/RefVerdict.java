package org.pettycoin.consensus;

/**
 * What {@code check_tx_refs} found (C's input_refs.c): every referenced slot holds the input's txid, some
 * are still unknown, or one holds another tx (a bad-input-ref complaint).
 *
 * @param input the input concerned (the first unknown or the bad one); -1 when OK
 */
public record RefVerdict(Kind kind, int input) {
    /** The outcomes of the ref contents check. */
    public enum Kind {
        OK,
        UNKNOWN,
        BAD_HASH
    }
}
