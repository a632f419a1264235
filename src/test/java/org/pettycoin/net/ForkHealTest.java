package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestNodes.address;
import static org.pettycoin.testing.TestNodes.bestId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestNodes;

/**
 * The seed scenario (issue: two nodes forked for thousands of blocks): each node starts from its own
 * blockfile holding a common prefix and its own branch; they connect while one keeps mining, and
 * both must end on the heavier tip knowing every block of both branches, with nothing outstanding.
 */
class ForkHealTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void reducedForkHealsWhileOneNodeMines() throws Exception {
        heal(200, 600, 601);
    }

    @Test
    @Tag("scenario")
    @Timeout(900)
    void fullSizeForkFromTheSeedNotesHealsWhileOneNodeMines() throws Exception {
        heal(1888, 6000, 6001);
    }

    private void heal(int common, int branchA, int branchB) throws Exception {
        ForkedChains chains = ForkedChains.build(common, branchA, branchB);
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        chains.writeA(dir.resolve("a"));
        chains.writeB(dir.resolve("b"));
        try (TestNodes nodes = new TestNodes(dir, chains.lastTimestamp() + 60)) {
            Node a = nodes.start("a");
            Node b = nodes.start("b");
            assertThat(bestId(a)).isEqualTo(chains.tipA());
            assertThat(bestId(b)).isEqualTo(chains.tipB());
            long t0 = System.nanoTime();
            a.connect(address(b));
            AtomicBoolean healing = new AtomicBoolean(true);
            AtomicInteger mined = new AtomicInteger();
            Thread miner = new Thread(() -> {
                try {
                    while (healing.get()) {
                        TestNodes.mine(b, 1);
                        mined.incrementAndGet();
                        Thread.sleep(100);
                    }
                } catch (Exception e) {
                    healing.set(false);
                }
            });
            miner.start();
            long total = 1L + common + branchA + branchB;
            boolean bothKnowEverything = Await.await(
                    Duration.ofMinutes(10),
                    () -> a.call(() -> a.state().tree().size()) >= total
                            && b.call(() -> b.state().tree().size()) >= total
                            && bestId(a).equals(bestId(b)));
            healing.set(false);
            miner.join();
            // Let the last blocks mined cross, then check the end state.
            Hash256 tip = bestId(b);
            assertThat(bothKnowEverything).isTrue();
            assertThat(Await.await(
                            Duration.ofSeconds(30),
                            () -> bestId(a).equals(tip)
                                    && a.call(() -> a.network().outstandingRequests()) == 0
                                    && b.call(() -> b.network().outstandingRequests()) == 0))
                    .isTrue();
            long size = total + mined.get();
            assertThat(a.call(() -> a.state().tree().size())).isEqualTo(size);
            assertThat(b.call(() -> b.state().tree().size())).isEqualTo(size);
            assertThat(a.call(() -> a.state().tree().find(chains.tipA()).isPresent()
                            && a.state().tree().find(chains.tipB()).isPresent()))
                    .isTrue();
            System.out.printf(
                    "fork %d + %d/%d healed in %.1f s while %d blocks were mined%n",
                    common, branchA, branchB, (System.nanoTime() - t0) / 1e9, mined.get());
        }
    }
}
