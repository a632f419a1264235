package org.pettycoin.transport;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.pettycoin.time.NodeClock;

/**
 * The two per-connection timers of C's peer.c (PROTOCOL_INPUT_TIMEOUT, PROTOCOL_TIMEOUT), as
 * pipeline events for {@link PeerHandler}.
 *
 * <p>Input: armed when the connection opens and re-armed by each whole frame, so it fires when
 * no complete packet arrived for the input timeout; progress inside a frame does not count, as in C,
 * so a peer cannot hold a connection by trickling bytes. Output: fires when nothing was queued for
 * sending for the idle interval, and again every interval while that lasts. Both run on the
 * channel's I/O thread, so no state here is shared. Idle time is the node clock's monotonic reading:
 * setting the node's wall time (setmocktime) neither fires nor holds back a keepalive.
 */
final class PeerTimers extends ChannelDuplexHandler {
    /** What a timer reports. */
    enum Event {
        INPUT_TIMEOUT,
        OUTPUT_IDLE
    }

    private final long inputNanos;
    private final long idleNanos;
    private final NodeClock clock;
    private long idleSince;
    private ScheduledFuture<?> inputDeadline;
    private ScheduledFuture<?> idleCheck;

    PeerTimers(Duration inputTimeout, Duration outputIdle, NodeClock clock) {
        this.inputNanos = inputTimeout.toNanos();
        this.idleNanos = outputIdle.toNanos();
        this.clock = clock;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        armInput(ctx);
        idleSince = clock.monotonicNanos();
        idleCheck = ctx.executor().schedule(() -> checkIdle(ctx), idleNanos, TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Inbound.Decoded || msg instanceof Inbound.DecodedBlock) {
            armInput(ctx);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    @SuppressWarnings("FutureReturnValueIgnored") // the caller's promise carries the outcome
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        idleSince = clock.monotonicNanos();
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel(inputDeadline);
        cancel(idleCheck);
        ctx.fireChannelInactive();
    }

    private void armInput(ChannelHandlerContext ctx) {
        cancel(inputDeadline);
        inputDeadline = ctx.executor()
                .schedule(
                        () -> {
                            if (!ctx.channel().config().isAutoRead()) {
                                // We stopped reading (the node thread is behind): the peer is not the slow one.
                                armInput(ctx);
                            } else {
                                ctx.fireUserEventTriggered(Event.INPUT_TIMEOUT);
                            }
                        },
                        inputNanos,
                        TimeUnit.NANOSECONDS);
    }

    private void checkIdle(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = clock.monotonicNanos();
        long wait = idleSince + idleNanos - now;
        if (wait <= 0) {
            idleSince = now;
            wait = idleNanos;
            ctx.fireUserEventTriggered(Event.OUTPUT_IDLE);
        }
        idleCheck = ctx.executor().schedule(() -> checkIdle(ctx), wait, TimeUnit.NANOSECONDS);
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
