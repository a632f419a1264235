package org.pettycoin.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.protocol.EncodedPacket;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Connection} over a Netty channel. The first close reason recorded wins, so the one
 * reported is what actually started the close. Events go out through a per-connection serial
 * executor; packet, malformed and idle events are dropped at delivery time if this node has since
 * closed the connection, which is what makes {@link Connection}'s promise hold.
 */
final class NettyConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(NettyConnection.class);

    private final int id;
    private final Channel channel;
    private final Direction direction;
    private final InetSocketAddress remote;
    private final ConnectionListener listener;
    private final Executor events;
    private final PacketPrecheck precheck;
    /** Every event passes through here, so one waiting for its precheck holds back those read after it. */
    private final InOrder inOrder = new InOrder();

    private final AtomicReference<CloseReason> reason = new AtomicReference<>();
    private volatile boolean closedByUs;

    NettyConnection(
            int id,
            Channel channel,
            Direction direction,
            InetSocketAddress remote,
            ConnectionListener listener,
            Executor events,
            PacketPrecheck precheck) {
        this.id = id;
        this.precheck = precheck;
        this.channel = channel;
        this.direction = direction;
        this.remote = remote;
        this.listener = listener;
        this.events = new SerialExecutor(events, this, this::closeAfterBug);
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public Direction direction() {
        return direction;
    }

    @Override
    public Traffic traffic() {
        return ConnectionTraffic.of(channel).snapshot();
    }

    @Override
    public void send(Packet packet) {
        Objects.requireNonNull(packet, "packet");
        // Checked here too so that a closed connection does not cost an encoding per packet.
        if (!closedByUs && channel.isOpen()) {
            channel.writeAndFlush(packet).addListener((ChannelFutureListener) this::writeDone);
        }
    }

    /** Writes the frame as it is: the packet is not encoded again. */
    @Override
    public void send(EncodedPacket packet) {
        Objects.requireNonNull(packet, "packet");
        if (!closedByUs && channel.isOpen()) {
            channel.writeAndFlush(packet).addListener((ChannelFutureListener) this::writeDone);
        }
    }

    // The close is reported by channelInactive, whatever its future says.
    @SuppressWarnings("FutureReturnValueIgnored")
    @Override
    public void sendAndClose(Packet packet) {
        Objects.requireNonNull(packet, "packet");
        if (closedByUs) {
            return;
        }
        closedByUs = true;
        reason.compareAndSet(
                null,
                new CloseReason(
                        CloseReason.Cause.LOCAL,
                        "closed after sending " + packet.type().cName()));
        channel.config().setAutoRead(false);
        channel.writeAndFlush(packet).addListener((ChannelFuture f) -> {
            writeDone(f);
            channel.close();
        });
    }

    @Override
    public void close() {
        closedByUs = true;
        closeWith(new CloseReason(CloseReason.Cause.LOCAL, "closed by this node"));
    }

    @Override
    public boolean isOpen() {
        return !closedByUs && channel.isOpen();
    }

    /** A task of ours threw (a bug, logged by the serial executor): this connection ends, the others go on. */
    private void closeAfterBug() {
        closedByUs = true;
        closeWith(new CloseReason(CloseReason.Cause.LOCAL, "closed after an internal error handling its events"));
    }

    /** Closes for {@code why}, unless a close already started for another reason. */
    @SuppressWarnings("FutureReturnValueIgnored") // reported by channelInactive
    void closeWith(CloseReason why) {
        reason.compareAndSet(null, why);
        channel.close();
    }

    void deliverConnected() {
        inOrder(DONE, () -> listener.connected(this));
    }

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    /** Queues {@code task} on the serial executor once {@code ready} is done and every earlier event is queued. */
    private void inOrder(CompletableFuture<?> ready, Runnable task) {
        inOrder.add(ready, () -> events.execute(task));
    }

    /**
     * Hands a packet to the node thread. A peer that sends faster than the node thread handles its
     * packets would queue them without bound, so past {@link #PAUSE_AT} undelivered packets this
     * connection stops reading (TCP pushes back on the peer) until the backlog is down to
     * {@link #RESUME_AT}. Packets waiting for their {@link PacketPrecheck} count as undelivered.
     */
    void deliverPacket(Packet packet) {
        if (undelivered.incrementAndGet() >= PAUSE_AT) {
            channel.config().setAutoRead(false);
        }
        deliver(startPrecheck(packet), () -> listener.packet(this, packet));
    }

    /** {@link #deliverPacket} for a BLOCK, which goes up with its frame and id. */
    void deliverBlock(ReceivedBlock block) {
        if (undelivered.incrementAndGet() >= PAUSE_AT) {
            channel.config().setAutoRead(false);
        }
        deliver(DONE, () -> listener.block(this, block));
    }

    private CompletableFuture<?> startPrecheck(Packet packet) {
        try {
            return precheck.start(packet);
        } catch (RuntimeException e) {
            // Only a cache would have been filled: the node thread does the checks anyway.
            LOG.warn("precheck of a {} from {} failed: {}", packet.type().cName(), this, e.toString());
            return DONE;
        }
    }

    private void deliver(CompletableFuture<?> ready, Runnable delivery) {
        inOrder(ready, () -> {
            try {
                if (!closedByUs) {
                    delivery.run();
                }
            } finally {
                if (undelivered.decrementAndGet() <= RESUME_AT
                        && !channel.config().isAutoRead()) {
                    channel.config().setAutoRead(true);
                }
            }
        });
    }

    /** Packets read and not yet handled by the listener. */
    int undelivered() {
        return undelivered.get();
    }

    /** Undelivered packets at which reading pauses: enough to keep the node thread busy. */
    static final int PAUSE_AT = 256;
    /** And resumes. */
    static final int RESUME_AT = 64;

    private final java.util.concurrent.atomic.AtomicInteger undelivered =
            new java.util.concurrent.atomic.AtomicInteger();

    void deliverMalformed(ProtocolException error) {
        inOrder(DONE, () -> {
            if (!closedByUs) {
                listener.malformed(this, error);
            }
        });
    }

    void deliverOutputIdle() {
        inOrder(DONE, () -> {
            if (!closedByUs) {
                listener.outputIdle(this);
            }
        });
    }

    /** Reports the close, with {@code otherwise} as the reason if nobody recorded one. */
    void deliverClosed(CloseReason otherwise) {
        reason.compareAndSet(null, otherwise);
        CloseReason why = reason.get();
        inOrder(DONE, () -> listener.closed(this, why));
    }

    private void writeDone(ChannelFuture f) {
        if (!f.isSuccess() && f.channel().isOpen()) {
            closeWith(new CloseReason(CloseReason.Cause.IO_ERROR, "send failed: " + f.cause()));
        }
    }

    @Override
    public String toString() {
        return "peer " + id + " (" + direction.name().toLowerCase(Locale.ROOT) + " " + remote + ")";
    }
}
