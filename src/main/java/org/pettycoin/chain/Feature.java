package org.pettycoin.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The protocol changes this build knows, each a bit of the block header's vote byte
 * ({@link FeatureVotes}). The C node knows none and always votes 0.
 */
public enum Feature {
    /**
     * Bit 0x01: miner rewards that pay. While active, a TX_CLAIM is judged by the rule C's reward.c
     * and check_tx.c mean (the claimer is the reward block's fees_to, the input names the decided
     * reward tx's pseudo-output, the decider is on the claim's own chain), so a miner can claim what
     * it earned; before, by C's rule, under which no claim is ever good.
     */
    REWARDS(0x01, "rewards");

    private final int bit;
    private final String cliName;

    Feature(int bit, String cliName) {
        this.bit = bit;
        this.cliName = cliName;
    }

    /** The bit in the vote byte. */
    public int bit() {
        return bit;
    }

    /** How it is named on the command line, in the config file and over RPC. */
    public String cliName() {
        return cliName;
    }

    public boolean in(int bits) {
        return (bits & bit) != 0;
    }

    /** Every feature this build knows, as vote bits. */
    public static int allBits() {
        int bits = 0;
        for (Feature f : values()) {
            bits |= f.bit;
        }
        return bits;
    }

    public static Optional<Feature> named(String name) {
        for (Feature f : values()) {
            if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The known features among {@code bits}. */
    public static List<Feature> of(int bits) {
        List<Feature> out = new ArrayList<>();
        for (Feature f : values()) {
            if (f.in(bits)) {
                out.add(f);
            }
        }
        return out;
    }
}
