package org.pettycoin.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Events are released in the order they were added, whatever order their work finishes in. */
@Timeout(60)
class InOrderTest {
    @Test
    void releasesInAdditionOrderWhenWorkFinishesInReverse() {
        InOrder order = new InOrder();
        List<Integer> released = new ArrayList<>();
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            work.add(f);
            int n = i;
            order.add(f, () -> released.add(n));
        }
        order.add(CompletableFuture.completedFuture(null), () -> released.add(10)); // done, but waits its turn
        assertThat(released).isEmpty();
        for (int i = 9; i >= 1; i--) {
            work.get(i).complete(null);
        }
        assertThat(released).isEmpty();
        work.get(0).completeExceptionally(new IllegalStateException("failed work still releases"));
        assertThat(released).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(order.size()).isZero();
    }

    @Test
    void keepsOrderWithWorkFinishingOnManyThreads() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            InOrder order = new InOrder();
            List<Integer> released = new CopyOnWriteArrayList<>();
            Random random = new Random(5);
            int n = 5000;
            List<Integer> finishOrder = new ArrayList<>();
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                finishOrder.add(i);
                work.add(new CompletableFuture<>());
            }
            Collections.shuffle(finishOrder, random);
            for (int i = 0; i < n; i++) {
                int k = i;
                order.add(i % 3 == 0 ? CompletableFuture.completedFuture(null) : work.get(i), () -> released.add(k));
            }
            for (int i : finishOrder) {
                workers.execute(() -> work.get(i).complete(null));
            }
            workers.shutdown();
            assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(i);
            }
            assertThat(released).isEqualTo(expected);
        } finally {
            workers.shutdownNow();
        }
    }
}
