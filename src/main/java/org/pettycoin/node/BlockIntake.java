package org.pettycoin.node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.FloodGate;
import org.pettycoin.chain.Prevs;
import org.pettycoin.consensus.HeaderValidator;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockCodec;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.ProtocolException;

/**
 * The one path every block takes, whether a peer sent it, a miner found it or the blockfile holds
 * it: header checks, then either attach (and attach every detached descendant now complete, with an
 * explicit queue, never recursion) or keep detached behind the flood gate (C's recv_block.c
 * recv_block, seek_predecessor).
 */
public final class BlockIntake {
    private final BlockTree tree;
    private final DetachedBlockPool detached;
    private final LongSupplier nowSeconds;
    private final LongSupplier nowMillis;

    /** What became of a block. */
    public enum Status {
        /** Attached to the tree (see {@link Result#attached()}). */
        ATTACHED,
        /** We had it already. */
        KNOWN,
        /** Parent unknown: kept until it arrives; ask for {@link Result#missing()}. */
        DETACHED,
        /** Parent unknown and already waiting. */
        ALREADY_DETACHED,
        /** Parent unknown and too easy for its claimed height: ignored, not the sender's fault per se. */
        TOO_EASY,
        /** Broke a rule: {@link Result#error()} says which; the sender is at fault. */
        INVALID
    }

    /**
     * What became of one block offered to the tree.
     *
     * @param attached blocks attached by this call, parents before children (the block itself first
     *     when it attached, then any detached descendants it completed)
     * @param missing ids among the block's prevs that are neither attached nor waiting
     */
    public record Result(Status status, ErrorCode error, List<BlockNode> attached, List<Hash256> missing) {
        static Result of(Status status) {
            return new Result(status, ErrorCode.NONE, List.of(), List.of());
        }
    }

    /**
     * @param nowSeconds the node clock's wall time, Unix seconds (the future limit on timestamps)
     * @param nowMillis the node clock's monotonic reading, ms (how long a detached block has waited)
     */
    public BlockIntake(BlockTree tree, DetachedBlockPool detached, LongSupplier nowSeconds, LongSupplier nowMillis) {
        this.tree = tree;
        this.detached = detached;
        this.nowSeconds = nowSeconds;
        this.nowMillis = nowMillis;
    }

    public Result receive(Block block) {
        Hash256 id = BlockIds.id(block);
        if (tree.contains(id)) {
            return Result.of(Status.KNOWN);
        }
        try {
            HeaderValidator.checkWork(block, id);
            if (!tree.contains(block.header().parent())) {
                return detach(id, block);
            }
            HeaderValidator.checkReceived(tree, block, id, nowSeconds.getAsLong());
        } catch (ProtocolException e) {
            return new Result(Status.INVALID, e.code(), List.of(), List.of());
        }
        return new Result(Status.ATTACHED, ErrorCode.NONE, attachWithDescendants(block, id), List.of());
    }

    private Result detach(Hash256 id, Block block) {
        if (detached.contains(id)) {
            return Result.of(Status.ALREADY_DETACHED);
        }
        if (!FloodGate.admits(tree, block.height(), block.tailer().difficulty())) {
            return Result.of(Status.TOO_EASY);
        }
        detached.add(id, block, BlockCodec.length(block), nowMillis.getAsLong());
        List<Hash256> missing = new ArrayList<>();
        List<Hash256> prevs = block.header().prevs();
        for (int i = 0; i < Prevs.count(block.height()); i++) {
            Hash256 p = prevs.get(i);
            if (!tree.contains(p) && !detached.contains(p)) {
                missing.add(p);
            }
        }
        return new Result(Status.DETACHED, ErrorCode.NONE, List.of(), missing);
    }

    /** Attaches a checked block, then every waiting block it completes, breadth first. */
    private List<BlockNode> attachWithDescendants(Block block, Hash256 id) {
        List<BlockNode> attached = new ArrayList<>();
        Deque<BlockNode> queue = new ArrayDeque<>();
        BlockNode first = tree.add(block, id);
        attached.add(first);
        queue.add(first);
        while (!queue.isEmpty()) {
            BlockNode parent = queue.poll();
            for (DetachedBlockPool.Entry e : detached.takeChildrenOf(parent.id())) {
                try {
                    HeaderValidator.checkReceived(tree, e.block(), e.id(), nowSeconds.getAsLong());
                } catch (ProtocolException invalid) {
                    // As in C: a waiting block that fails once its parent is known is dropped quietly.
                    continue;
                }
                BlockNode child = tree.add(e.block(), e.id());
                attached.add(child);
                queue.add(child);
            }
        }
        return attached;
    }
}
