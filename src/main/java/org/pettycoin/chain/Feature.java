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
     * Bit 0x01: miner rewards that pay. A TX_CLAIM in a block where this is active (a pending claim:
     * at a child of the mining head), on a node that knows it, is judged by the rule C's reward.c and
     * check_tx.c mean ({@code consensus.Rewards.checkClaimInputIntended}, through {@code
     * consensus.ClaimRule}): the claim's single input names the reward tx's pseudo-output ({@code
     * num_outputs + 1}); the reward block's period has ended on the claim's own chain (the claim's
     * block is above reward_end) and the reward tx sits in the slot SHA256d(reward block, block at
     * reward_end on the claim's chain) picks; the claimer's address is the reward block's fees_to;
     * the reward is not zero (the reward tx pays a fee); and the claim's amount plus its fee, if the
     * fee bit is set, is the reward ({@code correct_amount}). A second claim of the same reward on one
     * chain is a double spend of that pseudo-output. Anywhere else, in every block before activation
     * for good and on a node that does not know the feature, C's rule applies, under which no claim
     * is ever good (docs/c-differences.md #3).
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
