package org.pettycoin.consensus;

import java.util.List;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Tx;

/**
 * A checked notice about a pending tx (packets 21–23; C's peer.c recv_tx_bad_input and friends):
 * what the node needs to act on it, which is to drop the tx(s) from pending and raise the matching
 * complaint against every block holding a full copy (hash-only slots have no refs to put in one).
 * Txids are included because every one of those actions looks the tx up by id.
 */
public sealed interface TxNotice {
    /** TX_BAD_INPUT: input {@code inputNum} of {@code tx} spends {@code input} wrongly. */
    record BadInput(Hash256 txid, Tx tx, int inputNum, Tx input) implements TxNotice {}

    /** TX_BAD_AMOUNT: {@code inputs}, one per input of {@code tx}, do not pay what it sends plus fee. */
    record BadAmount(Hash256 txid, Tx tx, List<Tx> inputs) implements TxNotice {
        public BadAmount {
            inputs = List.copyOf(inputs);
        }
    }

    /** One side of a double spend: the tx and the number of its input that spends the shared output. */
    record Spend(Hash256 txid, Tx tx, int inputNum) {}

    /**
     * TX_DOUBLESPEND: two different txs spend one output. Both leave pending; where both are in
     * blocks on one chain, the later block gets the complaint.
     */
    record Doublespend(Spend a, Spend b) implements TxNotice {}
}
