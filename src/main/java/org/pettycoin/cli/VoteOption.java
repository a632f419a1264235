package org.pettycoin.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.pettycoin.chain.Feature;
import picocli.CommandLine.Option;

/**
 * {@code --vote FEATURE}, repeatable, for the commands that mine ({@code node}, {@code devnet}): the
 * features the blocks we mine vote for (chain.FeatureVotes). Only a feature this build knows can be
 * named; C's miner always voted 0 (pettycoin-generate.c), and so do we without the option.
 */
final class VoteOption {
    @Option(
            names = "--vote",
            paramLabel = "FEATURE",
            description = "the blocks mined here vote for FEATURE, e.g. rewards (repeatable); 75%% of a window "
                    + "of 2016 blocks lock it in, and 2016 blocks later it is active")
    private List<String> names = new ArrayList<>();

    /** Whether any vote was asked for. */
    boolean any() {
        return !names.isEmpty();
    }

    /** The vote bits named; an unknown name is a usage error. */
    int bits() {
        return bits(names);
    }

    /** The vote bits of {@code names} (a name twice is one vote); an unknown name is a usage error. */
    static int bits(List<String> names) {
        int bits = 0;
        for (String n : names) {
            Feature f = Feature.named(n)
                    .orElseThrow(() ->
                            UserError.usage("--vote: unknown feature '" + n + "' (this build knows: " + known() + ")"));
            bits |= f.bit();
        }
        return bits;
    }

    private static String known() {
        return names(Feature.allBits());
    }

    /** The names of the known features among {@code bits}, for a log line. */
    static String names(int bits) {
        return Feature.of(bits).stream().map(Feature::cliName).collect(Collectors.joining(", "));
    }
}
