package org.pettycoin.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.Hash256;

/** Chain choice (C's chain.c): forks of equal and unequal work, reorgs, and partial knowledge. */
class ChainHeadsTest {
    private static final Address A = Address.fromHex("11".repeat(20));
    private static final Address B = Address.fromHex("22".repeat(20));

    private final List<BlockNode[]> knownMoves = new ArrayList<>();
    private final BlockTree tree = new BlockTree(Network.REGTEST, new ChainListener() {
        @Override
        public void knownHeadChanged(BlockNode oldHead, BlockNode newHead) {
            knownMoves.add(new BlockNode[] {oldHead, newHead});
        }
    });
    private final ChainBuilder minerA = new ChainBuilder(tree, A);
    private final ChainBuilder minerB = new ChainBuilder(tree, B);

    @Test
    void equalWorkForksKeepArrivalOrder() {
        BlockNode a = minerA.extend(tree.genesis(), 1);
        BlockNode b = minerB.extend(tree.genesis(), 1);
        assertThat(a.totalWork()).isEqualTo(b.totalWork());
        assertThat(tree.heads().longestChains()).containsExactly(a, b);
        assertThat(tree.heads().longestKnowns()).containsExactly(a, b);
        assertThat(tree.heads().preferred()).isSameAs(a);
        assertThat(tree.atHeight(1)).containsExactly(a, b);
    }

    @Test
    void moreWorkWinsAndReorgsAreReported() {
        BlockNode a = minerA.extend(tree.genesis(), 10);
        assertThat(tree.heads().preferred()).isSameAs(a);
        BlockNode b = minerB.extend(tree.genesis(), 10);
        assertThat(tree.heads().preferred()).as("a tie keeps the first").isSameAs(a);
        BlockNode b2 = minerB.extend(b, 1);
        assertThat(tree.heads().longestChains()).containsExactly(b2);
        assertThat(tree.heads().longestKnowns()).containsExactly(b2);
        assertThat(tree.heads().preferred()).isSameAs(b2);
        BlockNode[] last = knownMoves.get(knownMoves.size() - 1);
        assertThat(last[0]).isSameAs(a);
        assertThat(last[1]).isSameAs(b2);
        // A shallow reorg back: A gets two more.
        BlockNode a2 = minerA.extend(a, 2);
        assertThat(tree.heads().preferred()).isSameAs(a2);
        assertThat(b2.totalWork()).isLessThan(a2.totalWork());
    }

    @Test
    void deepReorg() {
        BlockNode common = minerA.extend(tree.genesis(), 5);
        BlockNode a = minerA.extend(common, 300);
        BlockNode b = minerB.extend(common, 301);
        assertThat(tree.heads().preferred()).isSameAs(b);
        assertThat(a.ancestor(300).orElseThrow()).isSameAs(common);
        assertThat(common.precedes(a)).isTrue();
        assertThat(common.precedes(b)).isTrue();
        assertThat(a.precedes(b)).isFalse();
        assertThat(b.ancestor(301 + 5).orElseThrow()).isSameAs(tree.genesis());
        assertThat(b.ancestor(301 + 6)).isEmpty();
    }

    @Test
    void unknownContentsHoldBackLongestKnowns() {
        BlockNode a = minerA.extend(tree.genesis(), 3);
        // A block with a transaction whose contents we do not have yet.
        Block withTx = withOneTx(minerB.template(a, a.block().tailer().timestamp() + 10));
        BlockNode partial = tree.add(withTx, Hash256.fromHex("ab".repeat(32)));
        assertThat(partial.allKnown()).isFalse();
        assertThat(partial.knownInARow()).isZero();
        assertThat(tree.heads().longestChains()).containsExactly(partial);
        assertThat(tree.heads().longestKnowns()).containsExactly(a);
        // The preferred chain is the most work below longest_knowns[0], contents or not.
        assertThat(tree.heads().preferred()).isSameAs(partial);
        // An empty child of the partial block is not mineable either: its predecessors are not all known.
        BlockNode child = minerA.mine(partial, partial.block().tailer().timestamp() + 10);
        assertThat(tree.heads().longestKnowns()).containsExactly(a);
        assertThat(tree.heads().preferred()).isSameAs(child);
        tree.markAllKnown(partial);
        assertThat(partial.knownInARow()).isEqualTo(5);
        assertThat(child.knownInARow()).isEqualTo(6);
        assertThat(tree.heads().longestKnowns()).containsExactly(child);
        assertThat(knownMoves.get(knownMoves.size() - 1)[1]).isSameAs(child);
    }

    @Test
    void predecessorsAllKnownNeedsFiveHundredTwelveInARow() {
        BlockNode a = minerA.extend(tree.genesis(), 3);
        assertThat(a.knownInARow()).isEqualTo(4);
        assertThat(a.predecessorsAllKnown()).isTrue();
    }

    private static Block withOneTx(Block b) {
        byte[] numTxs = b.numTxs().toByteArray();
        numTxs[0] = 1;
        return new Block(b.header(), Bytes.of(numTxs), b.merkles(), b.prevTxhashes(), b.tailer());
    }

    @Test
    void invalidatingABranchRecomputesTheHeadsOverTheValidTree() {
        BlockNode a3 = minerA.extend(tree.genesis(), 3);
        BlockNode b1 = minerB.extend(tree.genesis(), 1);
        BlockNode b3 = minerB.extend(b1, 2);
        BlockNode c = minerA.extend(b1, 2);
        assertThat(tree.heads().longestKnowns()).containsExactly(a3, b3, c);
        BlockNode a1 = a3.ancestor(2).orElseThrow();

        List<BlockNode> marked = tree.invalidate(a1);
        assertThat(marked).hasSize(3).allMatch(BlockNode::invalid);
        assertThat(marked.get(0)).isSameAs(a1);
        // Ties now fall in pre-order: b1's first child's branch, then its second.
        assertThat(tree.heads().longestChains()).containsExactly(b3, c);
        assertThat(tree.heads().longestKnowns()).startsWith(b3);
        assertThat(tree.heads().preferred()).isSameAs(b3);
        BlockNode[] last = knownMoves.get(knownMoves.size() - 1);
        assertThat(last[0]).isSameAs(a3);
        assertThat(last[1]).isSameAs(b3);
        assertThat(tree.invalidate(a3)).as("already invalid").isEmpty();

        // Children of an invalid block are invalid from birth and never chosen.
        BlockNode a4 = minerA.extend(a3, 5);
        assertThat(a4.invalid()).isTrue();
        assertThat(tree.heads().longestChains()).containsExactly(b3, c);
    }
}
