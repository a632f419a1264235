package org.pettycoin.consensus;

import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.ProtocolException;

/**
 * {@code check_refs} (C's input_refs.c): the input refs of a tx in block B must point at
 * an existing slot of an ancestor-or-self of B within the horizon. Needs headers only; a failure
 * rejects the {@code PKT_TX_IN_BLOCK} with an error to the peer (not a complaint). Whether the slot
 * holds the right txid is {@code check_tx_refs}, which needs the slot's contents.
 */
public final class RefChecks {
    private RefChecks() {}

    /**
     * Checks {@code refs} in order against {@code block}, the block containing the spending tx.
     *
     * @throws ProtocolException REF_BAD_BLOCKS_AGO, REF_BAD_SHARD or REF_BAD_TXOFF for the first bad ref
     */
    public static void checkRefs(BlockNode block, List<InputRef> refs) throws ProtocolException {
        for (int i = 0; i < refs.size(); i++) {
            checkRef(block, refs.get(i), i);
        }
    }

    private static void checkRef(BlockNode block, InputRef ref, int i) throws ProtocolException {
        Optional<BlockNode> found = block.ancestor(ref.blocksAgo());
        if (found.isEmpty()) {
            throw new ProtocolException(
                    ErrorCode.REF_BAD_BLOCKS_AGO,
                    "ref " + i + ": no block " + ref.blocksAgo() + " before height " + block.height());
        }
        Block referred = found.get().block();
        // C reports a ref beyond the horizon with the same ecode as one to no block at all.
        if (Horizon.expiredBy(Horizon.expiry(referred), block.block().tailer().timestamp())) {
            throw new ProtocolException(
                    ErrorCode.REF_BAD_BLOCKS_AGO,
                    "ref " + i + ": block " + ref.blocksAgo() + " back is beyond the horizon");
        }
        if (ref.shard() >= referred.numShards()) {
            throw new ProtocolException(
                    ErrorCode.REF_BAD_SHARD, "ref " + i + ": shard " + ref.shard() + " of " + referred.numShards());
        }
        if (ref.txoff() >= referred.numTxs(ref.shard())) {
            throw new ProtocolException(
                    ErrorCode.REF_BAD_TXOFF,
                    "ref " + i + ": txoff " + ref.txoff() + " of " + referred.numTxs(ref.shard()));
        }
    }
}
