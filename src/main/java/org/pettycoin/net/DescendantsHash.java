package org.pettycoin.net;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.crypto.Sha256;
import org.pettycoin.protocol.Hash256;

/**
 * The descendants hash a CHILDREN entry carries (C's sync.c hash_children):
 * H(x) = SHA256d(H(c1) ‖ … ‖ H(cn) ‖ x.id) over x's children sorted by id (unsigned bytes), every
 * child counted, valid or not. C recomputes it recursively over the whole subtree for every entry
 * (docs/c-differences.md #37); we keep each value until a block is attached below it. Invariant: a block
 * whose hash is kept has the hashes of all its descendants kept too, so an attach forgets only the
 * kept ancestors, stopping at the first one already forgotten. Node thread only.
 */
public final class DescendantsHash {
    private final Map<BlockNode, Hash256> kept = new HashMap<>();

    /** A block was attached: the hashes of its ancestors are stale. */
    public void attached(BlockNode block) {
        for (Optional<BlockNode> x = block.parent();
                x.isPresent() && kept.remove(x.get()) != null;
                x = x.get().parent()) {
            // forgetting up to the first ancestor not kept
        }
    }

    /** H(block), computed bottom-up without recursion over the part not kept. */
    public Hash256 of(BlockNode block) {
        Hash256 known = kept.get(block);
        if (known != null) {
            return known;
        }
        // Post-order: a block is hashed once all its children are.
        Deque<BlockNode> stack = new ArrayDeque<>();
        stack.push(block);
        while (!stack.isEmpty()) {
            BlockNode x = stack.peek();
            boolean ready = true;
            for (BlockNode c : x.children()) {
                if (!kept.containsKey(c)) {
                    stack.push(c);
                    ready = false;
                }
            }
            if (ready) {
                stack.pop();
                kept.put(x, hashOver(x));
            }
        }
        return kept.get(block);
    }

    private Hash256 hashOver(BlockNode x) {
        List<BlockNode> children = new ArrayList<>(x.children());
        children.sort((a, b) -> a.id().compareTo(b.id()));
        byte[][] parts = new byte[children.size() + 1][];
        for (int i = 0; i < children.size(); i++) {
            parts[i] = kept.get(children.get(i)).toByteArray();
        }
        parts[children.size()] = x.id().toByteArray();
        return Sha256.doubleSha256(parts);
    }

    /** How many hashes are kept (for tests and stats). */
    int keptCount() {
        return kept.size();
    }
}
