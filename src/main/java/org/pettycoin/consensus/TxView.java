package org.pettycoin.consensus;

import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;

/**
 * What input resolution needs to know about the txs the node holds (C's txhash and inputhash
 * indexes, txhash.c and inputhash.c). The node owns the indexes; the rules that read them live in
 * {@link InputChecks}.
 */
public interface TxView {
    /**
     * A slot holding {@code txid} in {@code block} or one of its ancestors, hash-only or full, the
     * nearest one first when there are several (C takes whichever its hash table yields: docs/c-differences.md #11).
     */
    Optional<KnownTx> findInChain(BlockNode block, Hash256 txid);

    /** The in-block slots of every fully known tx that spends {@code spent} (pending copies excluded). */
    List<TxSlot> spendingSlots(Input spent);

    /** The txid in a slot, from its hash or its tx; empty while the slot is unknown. */
    Optional<Hash256> slotTxid(TxSlot slot);
}
