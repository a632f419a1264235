package org.pettycoin.protocol;

/**
 * One spent output ({@code protocol_input}, 36 bytes): the tx id, its output number (le16) and an
 * unused le16 that creators write as 0 but that is hashed and signed, so it is kept as received.
 */
public record Input(Hash256 txid, int output, int unused) {
    public static final int LENGTH = 36;

    public Input {
        Unsigned.requireU16(output, "output");
        Unsigned.requireU16(unused, "unused");
    }

    public Input(Hash256 txid, int output) {
        this(txid, output, 0);
    }
}
