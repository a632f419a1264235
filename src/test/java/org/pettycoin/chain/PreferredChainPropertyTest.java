package org.pettycoin.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pettycoin.consensus.TxSigning;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.mining.TxAndRefs;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Tx;

/**
 * The preferred chain is kept incrementally; on random trees with blocks whose contents arrive late
 * and in any order it must always equal C's definition (chain.c update_preferred_chain), computed the slow way.
 */
class PreferredChainPropertyTest {
    private static final Address MINER = Address.fromHex("12".repeat(20));

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void incrementalPreferredMatchesTheDefinition(long seed) {
        Random random = new Random(seed);
        BlockTree tree = new BlockTree(Network.REGTEST);
        ChainBuilder builder = new ChainBuilder(tree, MINER);
        Tx tx = new TxSigning()
                .fromGateway(
                        PrivateKey.of(new byte[] {
                            9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
                            9
                        }),
                        List.of(new GatewayPayment(5, MINER)),
                        false);
        List<BlockNode> blocks = new ArrayList<>(List.of(tree.genesis()));
        List<BlockNode> unknown = new ArrayList<>();
        long stamp = Network.REGTEST.genesisTimestamp();
        for (int step = 0; step < 400; step++) {
            if (!unknown.isEmpty() && random.nextInt(3) == 0) {
                tree.markAllKnown(unknown.remove(random.nextInt(unknown.size())));
            } else {
                // Mostly extend recent blocks, sometimes fork from anywhere.
                int pick = random.nextInt(4) == 0
                        ? random.nextInt(blocks.size())
                        : Math.max(0, blocks.size() - 1 - random.nextInt(3));
                BlockNode parent = blocks.get(pick);
                boolean withTx = random.nextInt(3) == 0;
                BlockNode b = builder.mine(parent, ++stamp, withTx ? List.of(new TxAndRefs(tx, List.of())) : List.of());
                blocks.add(b);
                if (withTx) {
                    unknown.add(b);
                }
            }
            assertThat(tree.heads().preferred()).as("step %d", step).isSameAs(byDefinition(tree));
        }
    }

    /** The first block of greatest total work in a pre-order walk from longest_knowns[0]. */
    private static BlockNode byDefinition(BlockTree tree) {
        List<BlockNode> preOrder = new ArrayList<>();
        Deque<BlockNode> stack = new ArrayDeque<>();
        stack.push(tree.heads().longestKnowns().get(0));
        while (!stack.isEmpty()) {
            BlockNode x = stack.pop();
            preOrder.add(x);
            List<BlockNode> children = x.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        BlockNode best = preOrder.get(0);
        for (BlockNode x : preOrder) {
            if (x.totalWork().compareTo(best.totalWork()) > 0) {
                best = x;
            }
        }
        return best;
    }
}
