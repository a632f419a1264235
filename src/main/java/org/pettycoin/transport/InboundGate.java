package org.pettycoin.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First on the listening channel: sees each accepted socket before Netty registers it with an I/O
 * thread or builds its pipeline, and closes it there and then if it would go over the
 * {@link PeerLimits}. A refused socket so costs its file descriptor for a moment and nothing else: no
 * decoder, timer, buffer or peer state, and the node thread never hears of it. An admitted one gives
 * its slot back when its channel closes. Refusals are logged once, then summed every
 * {@link #REPORT_SECONDS} while they go on, so a flood costs a line every few seconds, not one each.
 */
@ChannelHandler.Sharable
final class InboundGate extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(InboundGate.class);
    static final long REPORT_SECONDS = 10;

    private final ConnectionSlots slots;
    private long refused;
    private long unreported;
    private long unreportedPerAddress;
    private boolean reporting;

    InboundGate(ConnectionSlots slots) {
        this.slots = slots;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Channel child)) {
            ctx.fireChannelRead(msg);
            return;
        }
        SocketAddress remote = child.remoteAddress();
        if (!(remote instanceof InetSocketAddress from)) {
            // Reset before we could look at it: nothing to serve.
            child.unsafe().closeForcibly();
            return;
        }
        InetAddress ip = from.getAddress();
        ConnectionSlots.Admission a = slots.admitInbound(ip);
        if (a != ConnectionSlots.Admission.ADMITTED) {
            child.unsafe().closeForcibly();
            refused(ctx, from, a);
            return;
        }
        child.closeFuture().addListener(f -> slots.releaseInbound(ip));
        ctx.fireChannelRead(child);
    }

    /** Inbound connections refused since the transport started. */
    synchronized long refused() {
        return refused;
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the summary timer only logs
    private synchronized void refused(
            ChannelHandlerContext ctx, InetSocketAddress from, ConnectionSlots.Admission why) {
        refused++;
        if (reporting) {
            unreported++;
            if (why == ConnectionSlots.Admission.TOO_MANY_FROM_ADDRESS) {
                unreportedPerAddress++;
            }
            return;
        }
        PeerLimits l = slots.limits();
        String reason = why == ConnectionSlots.Admission.TOO_MANY_PEERS
                ? "at the limit of " + l.maxPeers() + " peers (" + l.maxInbound() + " inbound)"
                : "that address already holds " + l.maxInboundPerAddress() + " inbound connections";
        LOG.info(
                "refused inbound connection from {}: {}; further refusals are summed every {} s",
                from,
                reason,
                REPORT_SECONDS);
        EventExecutor timer = ctx.executor();
        reporting = !timer.isShuttingDown();
        if (reporting) {
            timer.schedule(() -> report(timer), REPORT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the summary timer only logs
    private synchronized void report(EventExecutor timer) {
        if (unreported == 0) {
            reporting = false;
            return;
        }
        LOG.info(
                "refused {} more inbound connections in {} s ({} over the per-address limit); {} inbound, {} outbound",
                unreported,
                REPORT_SECONDS,
                unreportedPerAddress,
                slots.inbound(),
                slots.outbound());
        unreported = 0;
        unreportedPerAddress = 0;
        // Still flooded: keep summing. A period with no refusal ends the reports.
        reporting = !timer.isShuttingDown();
        if (reporting) {
            timer.schedule(() -> report(timer), REPORT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
