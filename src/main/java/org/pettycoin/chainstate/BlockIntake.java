package org.pettycoin.chainstate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.FloodGate;
import org.pettycoin.chain.Prevs;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.consensus.HeaderValidator;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.ProtocolException;

/**
 * The one path every block takes, whether a peer sent it, a miner found it or the blockfile holds
 * it: header checks, then either attach (and attach every detached descendant now complete, with an
 * explicit queue, never recursion) or keep detached behind the flood gate (C's recv_block.c
 * recv_block, seek_predecessor). The proof of work is checked once per block, when it comes in, and
 * only if the {@link BlockFlags} say so.
 */
public final class BlockIntake {
    private final BlockTree tree;
    private final DetachedBlockPool detached;
    private final LongSupplier nowSeconds;
    private final LongSupplier nowMillis;

    /** What became of a block, as one word (for logs and tests; callers switch on the {@link Result}). */
    public enum Status {
        ATTACHED,
        KNOWN,
        DETACHED,
        ALREADY_DETACHED,
        TOO_EASY,
        INVALID
    }

    /** What became of one block offered to the tree. */
    public sealed interface Result {
        Status status();
    }

    /** One block joined to the tree, with the frame it came in. */
    public record Attachment(BlockNode node, ReceivedBlock received) {}

    /**
     * Attached to the tree.
     *
     * @param blocks the blocks attached by this call, parents before children: the block itself
     *     first, then any detached descendants it completed
     */
    public record Attached(List<Attachment> blocks) implements Result {
        public Attached {
            blocks = List.copyOf(blocks);
        }

        @Override
        public Status status() {
            return Status.ATTACHED;
        }
    }

    /** We had it already. */
    public record Known(Hash256 id) implements Result {
        @Override
        public Status status() {
            return Status.KNOWN;
        }
    }

    /** Parent unknown: kept until it arrives; ask for {@code missing}, the prevs neither attached nor waiting. */
    public record Detached(List<Hash256> missing) implements Result {
        public Detached {
            missing = List.copyOf(missing);
        }

        @Override
        public Status status() {
            return Status.DETACHED;
        }
    }

    /** Parent unknown and the block already waiting. */
    public record AlreadyDetached(Hash256 id) implements Result {
        @Override
        public Status status() {
            return Status.ALREADY_DETACHED;
        }
    }

    /** Parent unknown and too easy for its claimed height: ignored, not the sender's fault per se. */
    public record TooEasy(Hash256 id) implements Result {
        @Override
        public Status status() {
            return Status.TOO_EASY;
        }
    }

    /** Broke a rule: the sender is at fault. */
    public record Invalid(ErrorCode error, String reason) implements Result {
        @Override
        public Status status() {
            return Status.INVALID;
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

    /** A decoded block, checked as a peer's (for tests and tools that hold only the block). */
    public Result receive(Block block) {
        return receive(ReceivedBlock.of(block), BlockFlags.PEER);
    }

    public Result receive(ReceivedBlock received, BlockFlags flags) {
        Hash256 id = received.id();
        if (tree.contains(id)) {
            return new Known(id);
        }
        Block block = received.block();
        try {
            if (flags.checkWork()) {
                HeaderValidator.checkWork(block, id);
            }
            if (!tree.contains(block.header().parent())) {
                if (flags.replay()) {
                    throw new ProtocolException(
                            ErrorCode.PRIV_UNKNOWN_PREV,
                            "parent " + block.header().parent() + " is unknown");
                }
                return detach(received);
            }
            if (flags.replay()) {
                HeaderValidator.checkAgainstParent(tree, block, nowSeconds.getAsLong());
            } else {
                HeaderValidator.checkReceivedAgainstParent(tree, block, nowSeconds.getAsLong());
            }
        } catch (ProtocolException e) {
            return new Invalid(e.code(), e.getMessage());
        }
        return new Attached(attachWithDescendants(received));
    }

    private Result detach(ReceivedBlock received) {
        Hash256 id = received.id();
        Block block = received.block();
        if (detached.contains(id)) {
            return new AlreadyDetached(id);
        }
        if (!FloodGate.admits(tree, block.height(), block.tailer().difficulty())) {
            return new TooEasy(id);
        }
        detached.add(received, nowMillis.getAsLong());
        List<Hash256> missing = new ArrayList<>();
        List<Hash256> prevs = block.header().prevs();
        for (int i = 0; i < Prevs.count(block.height()); i++) {
            Hash256 p = prevs.get(i);
            if (!tree.contains(p) && !detached.contains(p)) {
                missing.add(p);
            }
        }
        return new Detached(missing);
    }

    /** Attaches a checked block, then every waiting block it completes, breadth first. */
    private List<Attachment> attachWithDescendants(ReceivedBlock received) {
        List<Attachment> attached = new ArrayList<>();
        Deque<BlockNode> queue = new ArrayDeque<>();
        BlockNode first = tree.add(received.block(), received.id());
        attached.add(new Attachment(first, received));
        queue.add(first);
        while (!queue.isEmpty()) {
            BlockNode parent = queue.poll();
            for (DetachedBlockPool.Entry e : detached.takeChildrenOf(parent.id())) {
                try {
                    // Its work was checked when it was kept: only what needed the parent is left.
                    HeaderValidator.checkReceivedAgainstParent(tree, e.block(), nowSeconds.getAsLong());
                } catch (ProtocolException invalid) {
                    // As in C: a waiting block that fails once its parent is known is dropped quietly.
                    continue;
                }
                BlockNode child = tree.add(e.block(), e.id());
                attached.add(new Attachment(child, e.received()));
                queue.add(child);
            }
        }
        return attached;
    }
}
