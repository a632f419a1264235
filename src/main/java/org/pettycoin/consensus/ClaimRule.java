package org.pettycoin.consensus;

import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Feature;
import org.pettycoin.chain.FeatureVotes;
import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.Tx;

/**
 * Which rule judges a TX_CLAIM's input where a tx is checked (C's check_tx.c check_claim_input, which
 * check_tx_inputs and recv_complain.c call). The intended rule ({@link
 * Rewards#checkClaimInputIntended}) applies iff {@link Feature#REWARDS} is active at the block the
 * claim is in (for a pending claim: at a child of the mining head) and this node knows the feature;
 * otherwise exactly C's rule, under which no claim is ever good. So blocks before activation are
 * judged as C judges them, for good, and a node built without the feature keeps C's rule throughout.
 */
public sealed interface ClaimRule {
    /**
     * What the claim's input is worth, or empty if it may not claim the reward tx at {@code
     * rewardSlot} of {@code rewardBlock} (CLAIM_BAD).
     */
    Optional<Long> worth(ClaimTx claim, BlockNode rewardBlock, Rewards.Slot rewardSlot, Tx rewardTx);

    /** Whether this is the intended rule (rewards pay). */
    boolean paysRewards();

    /** C's rule: {@link Rewards#checkClaimInputLikeC}. */
    record LikeC(BlockNode chain) implements ClaimRule {
        @Override
        public Optional<Long> worth(ClaimTx claim, BlockNode rewardBlock, Rewards.Slot rewardSlot, Tx rewardTx) {
            return Rewards.checkClaimInputLikeC(claim, chain, rewardBlock, rewardSlot, rewardTx);
        }

        @Override
        public boolean paysRewards() {
            return false;
        }
    }

    /**
     * The intended rule for a claim at {@code claimHeight} on the chain through {@code chain} (the
     * claim's block, or the block a pending claim would be mined on).
     */
    record Intended(BlockNode chain, long claimHeight) implements ClaimRule {
        @Override
        public Optional<Long> worth(ClaimTx claim, BlockNode rewardBlock, Rewards.Slot rewardSlot, Tx rewardTx) {
            return Rewards.checkClaimInputIntended(claim, chain, claimHeight, rewardBlock, rewardSlot, rewardTx);
        }

        @Override
        public boolean paysRewards() {
            return true;
        }
    }

    /** The rule for a claim in {@code block}, on a node applying the rules of {@code knownFeatures}. */
    static ClaimRule inBlock(BlockNode block, int knownFeatures) {
        return Feature.REWARDS.in(block.activeFeatures() & knownFeatures)
                ? new Intended(block, block.height())
                : new LikeC(block);
    }

    /** The rule for a pending claim, to be mined on {@code parent}. */
    static ClaimRule forChildOf(BlockNode parent, int knownFeatures) {
        return Feature.REWARDS.in(FeatureVotes.activeForChildOf(parent) & knownFeatures)
                ? new Intended(parent, parent.height() + 1)
                : new LikeC(parent);
    }
}
