package org.pettycoin.chain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * The three heads of C's chain.c, updated with the C node's rules and tie-breaking so that we pick the
 * same chain as a C node: {@code longest_chains} (most work, contents ignored), {@code longest_knowns}
 * (most work among blocks we could mine on) and the {@code preferred} chain (the first most-work
 * block, in pre-order, below {@code longest_knowns[0]}). Ties keep arrival order; walks are iterative.
 */
public final class ChainHeads {
    private final List<BlockNode> longestChains = new ArrayList<>();
    private final List<BlockNode> longestKnowns = new ArrayList<>();
    private final ChainListener listener;
    private BlockNode preferred;
    /** The longest_knowns[0] that {@link #preferred} was computed under. */
    private BlockNode preferredRoot;
    /** The known head the listener last heard of. */
    private BlockNode reportedKnownHead;

    ChainHeads(BlockNode genesis, ChainListener listener) {
        this.listener = listener;
        longestChains.add(genesis);
        longestKnowns.add(genesis);
        preferred = genesis;
        preferredRoot = genesis;
        reportedKnownHead = genesis;
    }

    /** Most-work heads, first one preferred. */
    public List<BlockNode> longestChains() {
        return Collections.unmodifiableList(longestChains);
    }

    /**
     * Most-work heads we could mine on; the node mines on and advertises the first. May hold one block
     * twice, as C's does (docs/c-differences.md #7).
     */
    public List<BlockNode> longestKnowns() {
        return Collections.unmodifiableList(longestKnowns);
    }

    /** The node's current chain for queries. */
    public BlockNode preferred() {
        return preferred;
    }

    /** {@code update_block_ptrs_new_block}. */
    void onNewBlock(BlockNode b) {
        int cmp = b.totalWork().compareTo(longestChains.get(0).totalWork());
        if (cmp >= 0) {
            if (cmp > 0) {
                longestChains.clear();
            }
            longestChains.add(b);
            listener.newLongest(b);
            orderBlockPointers();
        }
        if (b.allKnown()) {
            updateKnown(b);
        }
        updatePreferred();
        offerPreferred(b);
        reportKnownHeadMove();
    }

    /** {@code update_block_ptrs_new_shard} once the block is all known. */
    void onAllKnown(BlockNode b) {
        updateKnown(b);
        reportKnownHeadMove();
    }

    /**
     * {@code update_block_ptrs_invalidated}: after a complaint, recompute all three heads from
     * scratch over the valid tree, as C does (ties then fall in pre-order, not arrival order).
     */
    void recomputeAll(BlockNode genesis) {
        longestChains.clear();
        longestChains.add(genesis);
        longestKnowns.clear();
        longestKnowns.add(genesis);
        preferred = genesis;
        preferredRoot = genesis;
        Deque<BlockNode> stack = new ArrayDeque<>();
        stack.push(genesis);
        while (!stack.isEmpty()) {
            BlockNode x = stack.pop();
            if (x.invalid()) {
                continue;
            }
            int cmp = x.totalWork().compareTo(longestChains.get(0).totalWork());
            if (cmp > 0) {
                longestChains.clear();
            }
            if (cmp >= 0) {
                longestChains.add(x);
            }
            pushChildrenInOrder(stack, x);
        }
        updateKnown(genesis);
        preferredRoot = longestKnowns.get(0);
        preferred = firstMostWorkBelow(preferredRoot);
        reportKnownHeadMove();
    }

    private void updateKnown(BlockNode from) {
        if (updateKnownBelow(from)) {
            listener.pendingNeedsRecheck();
            orderBlockPointers();
            updatePreferred();
        }
    }

    /**
     * Tells the listener whenever longest_knowns[0] moved, for whatever reason. C only compares
     * around update_known, so a head switched by order_block_pointers on a tie never returns the
     * abandoned branch's txs to pending; chain choice is the same either way, and we lose no tx.
     */
    private void reportKnownHeadMove() {
        BlockNode head = longestKnowns.get(0);
        if (head != reportedKnownHead) {
            BlockNode old = reportedKnownHead;
            reportedKnownHead = head;
            listener.knownHeadChanged(old, head);
        }
    }

    /**
     * {@code update_known_recursive}, as an explicit pre-order walk: recompute known_in_a_row down
     * the fully-known part of the subtree and offer each mineable block to {@code longest_knowns}.
     */
    private boolean updateKnownBelow(BlockNode from) {
        boolean changed = false;
        Deque<BlockNode> stack = new ArrayDeque<>();
        stack.push(from);
        while (!stack.isEmpty()) {
            BlockNode x = stack.pop();
            if (!x.allKnown()) {
                continue;
            }
            BlockNode parent = x.parentOrNull();
            if (parent != null) {
                x.setKnownInARow(parent.knownInARow() + 1);
            }
            if (x.invalid()) {
                continue;
            }
            if (x.predecessorsAllKnown()) {
                int cmp = x.totalWork().compareTo(longestKnowns.get(0).totalWork());
                if (cmp > 0) {
                    longestKnowns.clear();
                }
                if (cmp >= 0) {
                    longestKnowns.add(x);
                    changed = true;
                }
            }
            pushChildrenInOrder(stack, x);
        }
        return changed;
    }

    /**
     * {@code order_block_pointers}: bring to the front the first (chain, known) pair where the known
     * head leads to the chain head, so we prefer a mineable head on the way to the most work.
     */
    private void orderBlockPointers() {
        for (int i = 0; i < longestChains.size(); i++) {
            for (int j = 0; j < longestKnowns.size(); j++) {
                if (longestKnowns.get(j).precedes(longestChains.get(i))) {
                    Collections.swap(longestChains, 0, i);
                    Collections.swap(longestKnowns, 0, j);
                    return;
                }
            }
        }
    }

    /**
     * {@code update_preferred_chain}: the first most-work valid block in pre-order below
     * longest_knowns[0]. C walks that whole subtree on every update, which is quadratic while a long
     * branch attaches below a head whose contents lag; we keep the answer and walk only when the
     * head moved somewhere that may not contain it. New blocks are offered by {@link #offerPreferred}.
     */
    private void updatePreferred() {
        BlockNode root = longestKnowns.get(0);
        if (root == preferredRoot) {
            return;
        }
        // A head moving down towards the preferred block cannot uncover a better one: it sees a subset.
        if (preferredRoot.precedes(root) && root.precedes(preferred) && !preferred.invalid()) {
            preferredRoot = root;
            return;
        }
        preferredRoot = root;
        preferred = firstMostWorkBelow(root);
    }

    /** A newly attached block may beat the preferred block, or tie it earlier in pre-order. */
    private void offerPreferred(BlockNode b) {
        if (b.invalid() || !preferredRoot.precedes(b)) {
            return;
        }
        int cmp = b.totalWork().compareTo(preferred.totalWork());
        if (cmp > 0 || (cmp == 0 && earlierInPreOrder(b, preferred))) {
            preferred = b;
        }
    }

    private static BlockNode firstMostWorkBelow(BlockNode root) {
        BlockNode best = root;
        Deque<BlockNode> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            BlockNode x = stack.pop();
            if (x.invalid()) {
                continue;
            }
            if (x.totalWork().compareTo(best.totalWork()) > 0) {
                best = x;
            }
            pushChildrenInOrder(stack, x);
        }
        return best;
    }

    /**
     * Whether {@code a} comes before {@code b} in a pre-order walk with children in arrival order.
     * Neither is the other's ancestor here (equal work), so the branches part at their lowest
     * common ancestor, and the child there that arrived first comes first.
     */
    static boolean earlierInPreOrder(BlockNode a, BlockNode b) {
        long h = Math.min(a.height(), b.height());
        BlockNode x = a.ancestor(a.height() - h).orElseThrow();
        BlockNode y = b.ancestor(b.height() - h).orElseThrow();
        if (x == y) {
            return a.height() < b.height();
        }
        // Smallest k with x.ancestor(k) == y.ancestor(k): the common ancestor is k blocks above.
        long lo = 1;
        long hi = h;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (x.ancestor(mid).orElseThrow() == y.ancestor(mid).orElseThrow()) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        BlockNode common = x.ancestor(lo).orElseThrow();
        List<BlockNode> children = common.children();
        return children.indexOf(x.ancestor(lo - 1).orElseThrow())
                < children.indexOf(y.ancestor(lo - 1).orElseThrow());
    }

    private static void pushChildrenInOrder(Deque<BlockNode> stack, BlockNode x) {
        List<BlockNode> children = x.children();
        for (int i = children.size() - 1; i >= 0; i--) {
            stack.push(children.get(i));
        }
    }
}
