package org.pettycoin.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Protocol;

/**
 * A block in the tree (C's block.h struct block): its parent and children, total work, and how much of the
 * chain behind it is fully known. Owned and mutated by {@link BlockTree} on the node thread only.
 */
public final class BlockNode {
    private final Block block;
    private final Hash256 id;
    private final BlockNode parent;
    /** {@code ancestors[i]} is the ancestor 2^i blocks back, while there is one: O(log n) walks. */
    private final BlockNode[] ancestors;

    private final BigInteger totalWork;
    private final List<BlockNode> children = new ArrayList<>(1);
    private boolean allKnown;
    private int knownInARow;
    private boolean invalid;
    /** C's pending_features: locked in by the last vote count at or below this block (FeatureVotes). */
    private final int pendingFeatures;
    /** The features whose rules apply to this block (FeatureVotes). */
    private final int activeFeatures;

    BlockNode(Block block, Hash256 id, BlockNode parent, BigInteger totalWork, boolean allKnown) {
        this.block = block;
        this.id = id;
        this.parent = parent;
        this.totalWork = totalWork;
        this.allKnown = allKnown;
        this.ancestors = parent == null ? new BlockNode[0] : linkAncestors(parent);
        this.pendingFeatures = FeatureVotes.pending(this, Optional.ofNullable(parent));
        this.activeFeatures = FeatureVotes.active(this, Optional.ofNullable(parent));
    }

    /** Feature bits locked in by the vote counted at or below this block (C's {@code pending_features}). */
    public int pendingFeatures() {
        return pendingFeatures;
    }

    /** Feature bits whose rules apply to this block: locked in at least the confirm delay below it. */
    public int activeFeatures() {
        return activeFeatures;
    }

    private static BlockNode[] linkAncestors(BlockNode parent) {
        List<BlockNode> list = new ArrayList<>(Protocol.NUM_PREV_IDS);
        BlockNode a = parent;
        for (int i = 0; a != null && i < 63; i++) {
            list.add(a);
            // The ancestor 2^(i+1) back is the ancestor 2^i back of the one 2^i back.
            a = i < a.ancestors.length ? a.ancestors[i] : null;
        }
        return list.toArray(new BlockNode[0]);
    }

    public Block block() {
        return block;
    }

    public Hash256 id() {
        return id;
    }

    public long height() {
        return block.height();
    }

    /** The parent; empty only for genesis. */
    public Optional<BlockNode> parent() {
        return Optional.ofNullable(parent);
    }

    BlockNode parentOrNull() {
        return parent;
    }

    /** Sum of the work of every block from genesis (which counts 0) to this one. */
    public BigInteger totalWork() {
        return totalWork;
    }

    /** Children in the order they were added. */
    public List<BlockNode> children() {
        return Collections.unmodifiableList(children);
    }

    void addChild(BlockNode child) {
        children.add(child);
    }

    /**
     * Known ({@code block_all_known}): every shard's transactions, or on a partial node every held
     * shard's transactions and every other shard's hashes ({@link Interests}); empty blocks always are.
     */
    public boolean allKnown() {
        return allKnown;
    }

    void setAllKnown() {
        allKnown = true;
    }

    /** Consecutive fully-known blocks ending here (0 if this one is not fully known). */
    public int knownInARow() {
        return knownInARow;
    }

    void setKnownInARow(int n) {
        knownInARow = n;
    }

    /** Proven invalid, or a descendant of an invalid block: never used for chain choice. */
    public boolean invalid() {
        return invalid;
    }

    void setInvalid() {
        invalid = true;
    }

    /**
     * {@code predecessors_all_known}: this block and the 511 before it (or all back to genesis) are
     * fully known, which is what a miner needs to build the next block's prev_txhashes.
     */
    public boolean predecessorsAllKnown() {
        long needed = Math.min(1L << (Protocol.PREV_BLOCK_TXHASHES - 1), height() + 1);
        return knownInARow >= needed;
    }

    /** The ancestor 2^{@code i} blocks back, or null if the chain is not that long (for {@link Prevs}). */
    BlockNode powerOfTwoBack(int i) {
        return i < ancestors.length ? ancestors[i] : null;
    }

    /** The ancestor {@code distance} blocks back (0 = this block), if the chain is that long. */
    public Optional<BlockNode> ancestor(long distance) {
        if (distance < 0 || distance > height()) {
            return Optional.empty();
        }
        BlockNode n = this;
        long left = distance;
        while (left > 0) {
            int step = 63 - Long.numberOfLeadingZeros(left);
            n = n.ancestors[step];
            left -= 1L << step;
        }
        return Optional.of(n);
    }

    /** {@code block_preceeds}: this block is {@code other} or one of its ancestors. */
    public boolean precedes(BlockNode other) {
        return height() <= other.height()
                && other.ancestor(other.height() - height()).map(a -> a == this).orElse(false);
    }

    @Override
    public String toString() {
        return "block " + height() + " " + id;
    }
}
