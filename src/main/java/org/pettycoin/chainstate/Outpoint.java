package org.pettycoin.chainstate;

import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;

/** An output of a tx, as an input names it: the key of the inputhash index (C's inputhash.c). */
record Outpoint(Hash256 txid, int output) {
    static Outpoint of(Input in) {
        return new Outpoint(in.txid(), in.output());
    }
}
