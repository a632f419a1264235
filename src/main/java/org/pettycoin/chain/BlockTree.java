package org.pettycoin.chain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockHeader;
import org.pettycoin.protocol.Hash256;

/**
 * Every block we have attached, from genesis: by id in O(1), by height, and as a tree (C's block.c),
 * with the chain heads kept up to date as blocks arrive and become known ({@link ChainHeads}).
 *
 * <p>Only attaches: whether a block is valid is for the caller to decide first. Not thread-safe; it
 * belongs to the node thread.
 */
public final class BlockTree {
    private final Network network;
    private final BlockNode genesis;
    private final Map<Hash256, BlockNode> byId = new HashMap<>();
    private final List<List<BlockNode>> byHeight = new ArrayList<>();
    private final ChainHeads heads;

    public BlockTree(Network network, ChainListener listener) {
        this.network = network;
        this.genesis = new BlockNode(network.genesis(), network.genesisId(), null, java.math.BigInteger.ZERO, true);
        genesis.setKnownInARow(1);
        index(genesis);
        this.heads = new ChainHeads(genesis, listener);
    }

    public BlockTree(Network network) {
        this(network, new ChainListener() {});
    }

    public Network network() {
        return network;
    }

    public BlockNode genesis() {
        return genesis;
    }

    public Optional<BlockNode> find(Hash256 id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(Hash256 id) {
        return byId.containsKey(id);
    }

    public int size() {
        return byId.size();
    }

    /** Blocks at {@code height}, in the order they arrived. */
    public List<BlockNode> atHeight(long height) {
        return height >= 0 && height < byHeight.size()
                ? Collections.unmodifiableList(byHeight.get((int) height))
                : List.of();
    }

    /** The greatest height of any block we hold. */
    public long topHeight() {
        return byHeight.size() - 1L;
    }

    /**
     * Attaches a block whose parent we hold (C's block.c {@code block_add}) and updates the heads.
     *
     * @throws IllegalArgumentException if the parent is unknown or the block is already here
     */
    public BlockNode add(Block block, Hash256 id) {
        if (byId.containsKey(id)) {
            throw new IllegalArgumentException("already have " + id);
        }
        BlockNode parent = byId.get(block.header().parent());
        if (parent == null) {
            throw new IllegalArgumentException("parent " + block.header().parent() + " of " + id + " is unknown");
        }
        BlockNode node = new BlockNode(
                withSharedPrevs(block),
                id,
                parent,
                parent.totalWork().add(Difficulty.work(block.tailer().difficulty())),
                block.totalTxs() == 0);
        node.setKnownInARow(node.allKnown() ? parent.knownInARow() + 1 : 0);
        index(node);
        parent.addChild(node);
        if (parent.invalid()) {
            node.setInvalid();
        } else {
            heads.onNewBlock(node);
        }
        return node;
    }

    /** Every transaction of {@code node} is now known: it may move {@code longest_knowns}. */
    public void markAllKnown(BlockNode node) {
        if (!node.allKnown()) {
            node.setAllKnown();
            heads.onAllKnown(node);
        }
    }

    /**
     * Marks {@code block} and every descendant invalid (a complaint proved it bad: C's complain.c publish_complaint)
     * and recomputes the heads. Returns the blocks newly marked, parents before children; empty if
     * {@code block} was invalid already.
     */
    public List<BlockNode> invalidate(BlockNode block) {
        List<BlockNode> marked = new ArrayList<>();
        if (block.invalid()) {
            return marked;
        }
        java.util.Deque<BlockNode> stack = new java.util.ArrayDeque<>();
        stack.push(block);
        while (!stack.isEmpty()) {
            BlockNode x = stack.pop();
            if (!x.invalid()) {
                x.setInvalid();
                marked.add(x);
            }
            x.children().forEach(stack::push);
        }
        heads.recomputeAll(genesis);
        return marked;
    }

    /**
     * {@code block} with each of its 20 back-pointer ids replaced by the id object of the block it
     * names, where we hold that block (and the all-zero id by the one constant): equal values, one
     * object each instead of twenty copies per block, about half the heap of a chain of empty blocks.
     */
    @SuppressWarnings("ReferenceEquality")
    private Block withSharedPrevs(Block block) {
        List<Hash256> prevs = block.header().prevs();
        List<Hash256> shared = new ArrayList<>(prevs.size());
        boolean changed = false;
        for (Hash256 p : prevs) {
            // Identity is the point here: an equal id that is another object is what gets replaced.
            BlockNode named = byId.get(p);
            Hash256 s = named != null ? named.id() : p.equals(Hash256.ZERO) ? Hash256.ZERO : p;
            changed |= s != p;
            shared.add(s);
        }
        if (!changed) {
            return block;
        }
        BlockHeader h = block.header();
        return new Block(
                new BlockHeader(
                        h.featuresVote(),
                        h.shardOrder(),
                        h.nonce2(),
                        h.numPrevTxhashes(),
                        h.height(),
                        h.feesTo(),
                        shared),
                block.numTxs(),
                block.merkles(),
                block.prevTxhashes(),
                block.tailer());
    }

    public ChainHeads heads() {
        return heads;
    }

    private void index(BlockNode node) {
        byId.put(node.id(), node);
        int h = (int) node.height();
        while (byHeight.size() <= h) {
            byHeight.add(new ArrayList<>(1));
        }
        byHeight.get(h).add(node);
    }
}
