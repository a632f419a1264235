package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Feature;
import org.pettycoin.chain.FeatureVotes;

/**
 * How feature votes are shown (ours; C shows only a block's {@code features_vote}): a feature this
 * node knows (ChainState.Config#knownFeatures) by its name, any other bit as hex ({@code "0x02"}), so
 * an operator sees at once what the network is voting in and whether this node knows it.
 */
final class FeatureJson {
    private FeatureJson() {}

    /**
     * getinfo's {@code features}, at {@code tip}: what is locked in and what is active there, and
     * how far the vote of the window it is in has come.
     */
    static ObjectNode at(BlockNode tip, int known) {
        ObjectNode o = RpcJson.object();
        o.set("at", RpcJson.blockRef(tip));
        o.set("locked_in", names(tip.pendingFeatures(), known));
        o.set("active", names(tip.activeFeatures(), known));
        o.set("window", window(FeatureVotes.tally(tip), known));
        return o;
    }

    /**
     * The window's first height, the height at which it is counted, the blocks counted so far, each
     * feature's votes among them (every known feature, and any other bit voted for), each one's share
     * of the blocks so far, and how many votes of the whole window lock a feature in.
     */
    private static ObjectNode window(FeatureVotes.WindowTally t, int known) {
        ObjectNode w = RpcJson.object();
        w.put("first_height", t.firstHeight());
        w.put("counted_at", t.countedAt());
        w.put("blocks", t.blocks());
        ObjectNode votes = w.putObject("votes");
        ObjectNode share = w.putObject("share");
        for (int bit = 0; bit < 8; bit++) {
            int mask = 1 << bit;
            int count = t.votesFor(bit);
            if ((known & mask) == 0 && count == 0) {
                continue;
            }
            String name = name(mask, known);
            votes.put(name, count);
            share.put(name, t.blocks() == 0 ? 0.0 : (double) count / t.blocks());
        }
        w.put("needed", FeatureVotes.THRESHOLD);
        return w;
    }

    /** The features among {@code bits}, known ones by name first, then the others as hex, lowest first. */
    static ArrayNode names(int bits, int known) {
        ArrayNode a = RpcJson.array();
        Feature.of(bits & known).forEach(f -> a.add(f.cliName()));
        for (int bit = 0; bit < 8; bit++) {
            int mask = 1 << bit;
            if ((bits & mask) != 0 && Feature.of(mask & known).isEmpty()) {
                a.add(name(mask, known));
            }
        }
        return a;
    }

    /** A feature's name if the node knows it, else its bit in hex. */
    private static String name(int mask, int known) {
        return Feature.of(mask & known).stream()
                .findFirst()
                .map(Feature::cliName)
                .orElse(String.format(Locale.ROOT, "0x%02x", mask));
    }
}
