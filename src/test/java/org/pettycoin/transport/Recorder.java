package org.pettycoin.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.ProtocolException;

/**
 * A listener that queues every event it gets, run on its own single "node" thread as the real node
 * will be, and remembers whether any event arrived on another thread.
 */
final class Recorder implements ConnectionListener, AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);
    private static final String NODE_THREAD = "test-node";

    sealed interface Event {}

    record Connected(Connection connection) implements Event {}

    record Received(Connection connection, Packet packet) implements Event {}

    record Malformed(Connection connection, ProtocolException error) implements Event {}

    record Idle(Connection connection) implements Event {}

    record Closed(Connection connection, CloseReason reason) implements Event {}

    record ConnectFailed(InetSocketAddress remote, String reason) implements Event {}

    final ExecutorService node = Executors.newSingleThreadExecutor(r -> new Thread(r, NODE_THREAD));
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile String strayThread = "";
    private volatile BiConsumer<Connection, Packet> onPacket = (c, p) -> {};

    /** Runs on the node thread for every packet, before it is recorded. */
    void onPacket(BiConsumer<Connection, Packet> reaction) {
        this.onPacket = reaction;
    }

    <T extends Event> T next(Class<T> type) {
        return next(type, WAIT);
    }

    <T extends Event> T next(Class<T> type, Duration wait) {
        Event e = poll(wait);
        if (e == null) {
            fail("no " + type.getSimpleName() + " within " + wait);
        }
        assertThat(e).isInstanceOf(type);
        return type.cast(e);
    }

    /** The next event if one comes within {@code wait}, else null (tests only). */
    Event poll(Duration wait) {
        try {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    void assertOnlyNodeThread() {
        assertThat(strayThread).as("listener ran off the node thread").isEmpty();
    }

    private void record(Event e) {
        if (!Thread.currentThread().getName().equals(NODE_THREAD)) {
            strayThread = Thread.currentThread().getName();
        }
        events.add(e);
    }

    @Override
    public void connected(Connection connection) {
        record(new Connected(connection));
    }

    @Override
    public void packet(Connection connection, Packet packet) {
        onPacket.accept(connection, packet);
        record(new Received(connection, packet));
    }

    @Override
    public void malformed(Connection connection, ProtocolException error) {
        record(new Malformed(connection, error));
    }

    @Override
    public void outputIdle(Connection connection) {
        record(new Idle(connection));
    }

    @Override
    public void closed(Connection connection, CloseReason reason) {
        record(new Closed(connection, reason));
    }

    @Override
    public void connectFailed(InetSocketAddress remote, String reason) {
        record(new ConnectFailed(remote, reason));
    }

    @Override
    public void close() {
        node.shutdownNow();
    }
}
