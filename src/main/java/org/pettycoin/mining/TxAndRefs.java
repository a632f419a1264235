package org.pettycoin.mining;

import java.util.List;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxRefHash;

/** A tx as it sits in a block: followed by its input refs, relative to that block. */
public record TxAndRefs(Tx tx, List<InputRef> refs) {
    public TxAndRefs {
        refs = List.copyOf(refs);
    }

    public TxRefHash hash() {
        return TxHashes.txRefHash(tx, refs);
    }
}
