package org.pettycoin.consensus;

import java.util.Optional;
import org.pettycoin.protocol.Tx;

/** A slot that holds a txid: only its hash, or the whole tx. */
public record KnownTx(TxSlot slot, Optional<Tx> tx) {
    public boolean full() {
        return tx.isPresent();
    }
}
