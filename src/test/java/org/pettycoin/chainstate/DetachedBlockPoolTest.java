package org.pettycoin.chainstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.Network;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockHeader;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.Hash256;

class DetachedBlockPoolTest {
    private static final Random RANDOM = new Random(7);

    private static Block orphan(long height, Hash256 parent) {
        Block g = Network.REGTEST.genesis();
        java.util.List<Hash256> prevs = new java.util.ArrayList<>(Collections.nCopies(20, Hash256.ZERO));
        prevs.set(0, parent);
        BlockHeader h = new BlockHeader(0, 2, Bytes.of(new byte[13]), 0, height, Address.ZERO, prevs);
        return new Block(h, g.numTxs(), g.merkles(), Bytes.EMPTY, g.tailer());
    }

    private static Hash256 randomId() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Hash256.of(b);
    }

    @Test
    void floodStaysWithinCountAndByteCapsEvictingTheHighestClaimsFirst() {
        DetachedBlockPool pool = new DetachedBlockPool(new DetachedBlockPool.Limits(100, 1_000_000, 60_000));
        for (int i = 0; i < 10_000; i++) {
            pool.add(randomId(), orphan(1 + i % 500, randomId()), 828, 0);
            assertThat(pool.size()).isLessThanOrEqualTo(100);
        }
        assertThat(pool.evictedCount()).isEqualTo(9_900);
        assertThat(pool.entries())
                .allSatisfy(e -> assertThat(e.block().height()).isLessThanOrEqualTo(5));

        DetachedBlockPool byBytes = new DetachedBlockPool(new DetachedBlockPool.Limits(1_000_000, 50_000, 60_000));
        for (int i = 0; i < 10_000; i++) {
            byBytes.add(randomId(), orphan(i, randomId()), 828, 0);
            assertThat(byBytes.bytes()).isLessThanOrEqualTo(50_000);
        }
        assertThat(byBytes.size()).isEqualTo(50_000 / (828 + DetachedBlockPool.ENTRY_OVERHEAD_BYTES));
    }

    @Test
    void floodOnOneParentIsCheapToTakeAndEvict() {
        DetachedBlockPool pool = new DetachedBlockPool(new DetachedBlockPool.Limits(5_000, 1L << 30, 60_000));
        Hash256 parent = randomId();
        for (int i = 0; i < 50_000; i++) {
            pool.add(randomId(), orphan(10, parent), 828, 0);
        }
        assertThat(pool.size()).isEqualTo(5_000);
        assertThat(pool.takeChildrenOf(parent)).hasSize(5_000);
        assertThat(pool.size()).isZero();
        assertThat(pool.bytes()).isZero();
    }

    @Test
    void addingOneThatIsWorseThanAllIsReported() {
        DetachedBlockPool pool = new DetachedBlockPool(new DetachedBlockPool.Limits(2, 1_000_000, 60_000));
        pool.add(randomId(), orphan(1, randomId()), 828, 0);
        pool.add(randomId(), orphan(2, randomId()), 828, 0);
        Hash256 high = randomId();
        assertThat(pool.add(high, orphan(3, randomId()), 828, 0))
                .isEqualTo(DetachedBlockPool.AddResult.EVICTED_AT_ONCE);
        assertThat(pool.contains(high)).isFalse();
        Hash256 dup = pool.entries().get(0).id();
        assertThat(pool.add(dup, orphan(1, randomId()), 828, 0)).isEqualTo(DetachedBlockPool.AddResult.DUPLICATE);
    }

    @Test
    void entriesExpireOldestFirst() {
        DetachedBlockPool pool = new DetachedBlockPool(new DetachedBlockPool.Limits(100, 1_000_000, 1_000));
        Hash256 parent = randomId();
        pool.add(randomId(), orphan(1, parent), 828, 0);
        pool.add(randomId(), orphan(2, randomId()), 828, 500);
        assertThat(pool.expire(1_000)).isZero();
        assertThat(pool.expire(1_001)).isEqualTo(1);
        assertThat(pool.takeChildrenOf(parent)).isEmpty();
        assertThat(pool.expire(1_501)).isEqualTo(1);
        assertThat(pool.size()).isZero();
        assertThat(pool.bytes()).isZero();
    }
}
