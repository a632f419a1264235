package org.pettycoin.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.chainstate.NodeThread;
import org.pettycoin.chainstate.StorageFailure;
import org.pettycoin.protocol.GetPeersPacket;
import org.pettycoin.protocol.PacketCodec;

/** The node thread's failure policy, path by path, without a node around it. */
@Timeout(30)
class NodeThreadTest {
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final NodeThread thread = NodeThread.start("test-node", failures::add);

    @AfterEach
    void stop() {
        thread.shutdown(5_000);
    }

    private static StorageFailure diskFull() {
        return new StorageFailure("cannot append to blockfile", new IOException("No space left on device"));
    }

    @Test
    void aPeriodicTaskThatThrowsKeepsItsSchedule() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        NodeThread.Timer t = thread.scheduleWithFixedDelay(
                () -> {
                    runs.incrementAndGet();
                    third.countDown();
                    throw new IllegalStateException("a bug in a timer");
                },
                1,
                1);
        assertThat(third.await(10, TimeUnit.SECONDS))
                .as("ran again after throwing")
                .isTrue();
        t.cancel();
        assertThat(thread.failed()).isFalse();
        assertThat(thread.call(() -> "still serving")).isEqualTo("still serving");
        assertThat(failures).isEmpty();
    }

    @Test
    void aStorageFailureStopsEveryTaskAfterItAndIsReportedOnce() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        AtomicInteger ranAfter = new AtomicInteger();
        // Hold the thread so that the tasks behind the failing one are already queued when it fails.
        thread.execute(() -> {
            try {
                blocked.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.execute(() -> {
            throw diskFull();
        });
        thread.execute(ranAfter::incrementAndGet);
        NodeThread.Timer timer = thread.scheduleWithFixedDelay(ranAfter::incrementAndGet, 0, 1);
        thread.execute(() -> {
            throw diskFull();
        });
        blocked.countDown();
        assertThatThrownBy(() -> thread.call(() -> ranAfter.incrementAndGet()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the node has stopped")
                .hasMessageContaining("cannot append to blockfile");
        timer.cancel();
        assertThat(ranAfter).hasValue(0);
        assertThat(thread.failed()).isTrue();
        assertThat(failures).containsExactly("cannot append to blockfile");
        assertThat(thread.callWhileStopping(() -> "the close still runs")).isEqualTo("the close still runs");
    }

    @Test
    void aStorageFailureInsideACallStopsTheNodeAndTellsTheCaller() throws Exception {
        assertThatThrownBy(() -> thread.call(() -> {
                    throw diskFull();
                }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot append to blockfile");
        assertThat(failures).containsExactly("cannot append to blockfile");
    }

    @Test
    void anyOtherExceptionInACallReachesTheCallerAndTheThreadGoesOn() throws Exception {
        assertThatThrownBy(() -> thread.call(() -> {
                    throw new IllegalArgumentException("a bug in one command");
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a bug in one command");
        thread.execute(() -> {
            throw new IllegalStateException("a bug in one task");
        });
        assertThat(thread.call(() -> 42)).isEqualTo(42);
        assertThat(thread.failed()).isFalse();
        assertThat(failures).isEmpty();
    }

    @Test
    void onlyTheNodeThreadPassesTheCheck() throws Exception {
        assertThatThrownBy(thread::checkOnNodeThread)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not on the node thread");
        assertThat(thread.call(() -> {
                    thread.checkOnNodeThread();
                    return true;
                }))
                .isTrue();
        assertThatThrownBy(() -> thread.call(() -> thread.call(() -> 1)))
                .as("a node-thread task that waits for the node thread would wait forever")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBugHandlingOneConnectionsEventClosesThatConnectionOnly() throws Exception {
        try (Recorder server = new Recorder();
                Transport t = new Transport(TransportTest.CONFIG, server, thread)) {
            int port = t.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            byte[] getPeers = PacketCodec.encode(new GetPeersPacket());
            try (RawPeer buggy = new RawPeer(port)) {
                Connection first = server.next(Recorder.Connected.class).connection();
                server.onPacket((c, p) -> {
                    if (c == first) {
                        throw new IllegalStateException("a bug handling this peer's packet");
                    }
                });
                try (RawPeer healthy = new RawPeer(port)) {
                    Connection second = server.next(Recorder.Connected.class).connection();
                    buggy.send(getPeers);
                    Recorder.Closed closed = server.next(Recorder.Closed.class);
                    assertThat(closed.connection()).isSameAs(first);
                    assertThat(closed.reason().detail()).contains("internal error");
                    assertThat(buggy.readUntilClosed()).isEmpty();

                    healthy.send(getPeers);
                    healthy.send(getPeers);
                    for (int i = 0; i < 2; i++) {
                        Recorder.Received got = server.next(Recorder.Received.class);
                        assertThat(got.connection()).isSameAs(second);
                    }
                    assertThat(second.isOpen()).isTrue();
                    assertThat(server.poll(Duration.ofMillis(100))).isNull();
                }
            }
        }
        assertThat(thread.failed()).isFalse();
        assertThat(failures).isEmpty();
    }
}
