package org.pettycoin.protocol;

import java.util.List;

/** "tx_with_proof" on the wire: proof ‖ tx ‖ refs (one ref per input; C's protocol.h). */
public record TxWithProof(Proof proof, Tx tx, List<InputRef> refs) {
    public TxWithProof {
        refs = List.copyOf(refs);
        if (refs.size() != tx.inputs().size()) {
            throw new IllegalArgumentException("tx has " + tx.inputs().size() + " inputs but " + refs.size() + " refs");
        }
    }
}
