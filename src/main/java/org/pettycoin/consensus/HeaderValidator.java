package org.pettycoin.consensus;

import java.util.List;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Difficulty;
import org.pettycoin.chain.PrevTxhashes;
import org.pettycoin.chain.Prevs;
import org.pettycoin.chain.Retarget;
import org.pettycoin.chain.Timestamps;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.ProtocolException;

/**
 * Block header checks in the C node's order, each failing with its ecode: C's check_block.c
 * check_block_header, then recv_block's count of prev_txhashes (the length and version checks of
 * unmarshal_block_into are the decoder's). A block whose parent is unknown fails with the internal
 * {@link ErrorCode#PRIV_UNKNOWN_PREV}: that is not the peer's fault, the block may be kept detached.
 */
public final class HeaderValidator {
    private HeaderValidator() {}

    /**
     * The first two of check_block_header, difficulty form and proof of work: what can be checked
     * without the tree (done before a block may be kept detached).
     */
    public static void checkWork(Block block, Hash256 id) throws ProtocolException {
        long difficulty = block.tailer().difficulty();
        if (!Difficulty.isValid(difficulty)) {
            throw new ProtocolException(
                    ErrorCode.MALFORMED_DIFFICULTY,
                    String.format("difficulty 0x%08x is not a normalised compact target", difficulty));
        }
        if (!Difficulty.beatsTarget(id, difficulty)) {
            throw new ProtocolException(ErrorCode.INSUFFICIENT_WORK, "block " + id + " does not beat its target");
        }
    }

    /**
     * All of {@code check_block_header}: everything the blockfile replay applies too.
     *
     * @param now our clock, unix seconds (the future limit uses it, as C does)
     * @return the parent
     */
    public static BlockNode checkHeader(BlockTree tree, Block block, Hash256 id, long now) throws ProtocolException {
        checkWork(block, id);
        return checkAgainstParent(tree, block, now);
    }

    /**
     * The rest of {@code check_block_header}, after {@link #checkWork}: what needs the parent. For a
     * caller that checked the work already (or, for a block it solved itself, need not), so that the
     * proof of work is checked once per block.
     *
     * @return the parent
     */
    public static BlockNode checkAgainstParent(BlockTree tree, Block block, long now) throws ProtocolException {
        BlockNode parent = tree.find(block.header().parent())
                .orElseThrow(() -> new ProtocolException(
                        ErrorCode.PRIV_UNKNOWN_PREV, "parent " + block.header().parent() + " is unknown"));
        if (block.header().shardOrder() != Protocol.INITIAL_SHARD_ORDER) {
            throw new ProtocolException(
                    ErrorCode.BAD_SHARD_ORDER, "shard order " + block.header().shardOrder());
        }
        if (block.height() != parent.height() + 1) {
            throw new ProtocolException(
                    ErrorCode.BAD_HEIGHT, "height " + block.height() + " on a parent at " + parent.height());
        }
        if (!Timestamps.acceptable(parent, block.tailer().timestamp(), now)) {
            throw new ProtocolException(
                    ErrorCode.BAD_TIMESTAMP,
                    "timestamp " + block.tailer().timestamp() + " not after the median "
                            + Timestamps.medianBefore(parent) + " or too far past " + now);
        }
        long required = Retarget.requiredForChildOf(parent, tree.network());
        if (block.tailer().difficulty() != required) {
            throw new ProtocolException(
                    ErrorCode.BAD_DIFFICULTY,
                    String.format(
                            "difficulty 0x%08x, required 0x%08x", block.tailer().difficulty(), required));
        }
        List<Hash256> expected = expectedPrevs(parent);
        if (!block.header().prevs().equals(expected)) {
            throw new ProtocolException(ErrorCode.BAD_PREVS, "prevs do not match the chain below " + parent.id());
        }
        return parent;
    }

    /**
     * check_block_header, then recv_block's count: a block received from a peer (or a miner) must also
     * carry the right number of prev_txhashes. The blockfile replay skips this one, as C does
     * (docs/c-differences.md #10).
     */
    public static BlockNode checkReceived(BlockTree tree, Block block, Hash256 id, long now) throws ProtocolException {
        checkWork(block, id);
        return checkReceivedAgainstParent(tree, block, now);
    }

    /** {@link #checkReceived} after {@link #checkWork}: {@link #checkAgainstParent}, then the count. */
    public static BlockNode checkReceivedAgainstParent(BlockTree tree, Block block, long now) throws ProtocolException {
        BlockNode parent = checkAgainstParent(tree, block, now);
        long expected = PrevTxhashes.expectedCountForChildOf(parent);
        if (block.header().numPrevTxhashes() != expected) {
            throw new ProtocolException(
                    ErrorCode.BAD_PREV_TXHASHES,
                    block.header().numPrevTxhashes() + " prev_txhashes, expected " + expected);
        }
        return parent;
    }

    /** The prevs a child of {@code parent} must carry. */
    public static List<Hash256> expectedPrevs(BlockNode parent) {
        return Prevs.forChildOf(parent);
    }
}
