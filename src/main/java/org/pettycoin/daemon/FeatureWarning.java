package org.pettycoin.daemon;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.FeatureVotes;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.ChainEvent;
import org.pettycoin.chainstate.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator, once per run, that the network has locked in a feature this build does not
 * know (C's chain.c new_longest): once it is active, blocks will follow rules this node does not
 * apply, so it is time to upgrade. The date is C's conservative guess at the activation, half the
 * confirm delay's worth of target times after the block: {@code timestamp + CONFIRM_DELAY ×
 * BLOCK_TARGET_TIME / 2}, printed as a real UTC date (C printed {@code tm_year} and a 0-based
 * {@code tm_mon} of local time: docs/c-differences.md #54). Hears the chain state's
 * {@link ChainEvent.UnknownFeaturesPending} events, and is shown the longest chain once after the
 * blockfile replay (whose events go nowhere). Node thread only.
 */
final class FeatureWarning implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureWarning.class);

    /** C's state->upcoming_features: set once warned, for the rest of the run. */
    private boolean warned;

    @Override
    public void accept(List<ChainEvent> events) {
        for (ChainEvent e : events) {
            if (e instanceof ChainEvent.UnknownFeaturesPending u) {
                warn(u.block(), u.unknown());
            }
        }
    }

    /** After a replay: {@code tip} is a longest chain's, and {@code known} the features this node knows. */
    void replayed(BlockNode tip, int known) {
        int unknown = tip.pendingFeatures() & ~known;
        if (unknown != 0) {
            warn(tip, unknown);
        }
    }

    private void warn(BlockNode block, int unknown) {
        if (warned) {
            return;
        }
        warned = true;
        LOG.warn(line(unknown, block.block().tailer().timestamp()));
    }

    /** The warning for {@code unknown} feature bits locked in at a block made at {@code timestamp}. */
    static String line(int unknown, long timestamp) {
        return String.format(
                "WARNING: unknown features 0x%02x voted in! Update your client! (Before %s)",
                unknown, before(timestamp));
    }

    /** The date by which to upgrade: half the confirm delay, in target times, after the block (C's guess). */
    static LocalDate before(long timestamp) {
        long impact = timestamp + FeatureVotes.CONFIRM_DELAY * Network.BLOCK_TARGET_TIME_SECS / 2;
        return Instant.ofEpochSecond(impact).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
