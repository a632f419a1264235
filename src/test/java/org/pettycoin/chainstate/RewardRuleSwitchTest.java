package org.pettycoin.chainstate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.consensus.InputVerdict;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.ComplainClaimInputInvalidPacket;
import org.pettycoin.protocol.ComplainDoublespendPacket;
import org.pettycoin.testing.RewardChain;

/**
 * Where the claim rule switches: a claim is judged by the rule of the block it is in (for a pending
 * claim, of the child of the mining head), so the last block before activation (4031) is judged by C's
 * rule and the first after (4032) by the intended one; a node that does not know the feature keeps
 * C's rule after activation too.
 */
class RewardRuleSwitchTest {
    private static final long NOW = RewardChain.clockFor(4100);

    private static ChainState state(ChainState.Config config) {
        return new ChainState(Network.REGTEST, config, () -> NOW, () -> NOW * 1000);
    }

    @Test
    void theLastBlockBeforeActivationIsJudgedByCsRuleAndTheFirstAfterByTheIntendedOne() throws Exception {
        ChainState s = state(ChainState.Config.DEFAULT);
        RewardChain c = RewardChain.build(s, RewardChain.ACTIVE_FROM - 2);
        assertThat(s.submitTx(c.claim()).admission().verdict().kind())
                .as("pending at 4030: the claim would sit at 4031")
                .isEqualTo(InputVerdict.Kind.CLAIM_BAD);
        BlockNode at4031 = RewardChain.mineHolding(s, c.others, c.tip, c.claim());
        assertThat(at4031.height()).isEqualTo(RewardChain.ACTIVE_FROM - 1);
        assertThat(s.complaintOf(at4031)).get().isInstanceOf(ComplainClaimInputInvalidPacket.class);

        BlockNode head = c.others.extend(c.tip, 1);
        assertThat(s.submitTx(c.claim()).admission().status()).isEqualTo(PendingPool.Status.READY);
        BlockNode at4032 = c.others.mine(head, RewardChain.next(head), ChainBuilder.pendingContents(s.pending()));
        assertThat(at4032.height()).isEqualTo(RewardChain.ACTIVE_FROM);
        assertThat(s.complaintOf(at4032)).isEmpty();
        assertThat(s.miningHead()).isEqualTo(at4032);

        // A second claim of the same reward in a later block of that chain is a double spend.
        BlockNode again = RewardChain.mineHolding(s, c.others, at4032, c.claimWithFee());
        assertThat(s.complaintOf(again)).get().isInstanceOf(ComplainDoublespendPacket.class);
        // On a sibling chain without the first claim, the same second claim is good.
        BlockNode sibling = RewardChain.mineHolding(s, c.others, head, c.claimWithFee());
        assertThat(s.complaintOf(sibling)).isEmpty();
    }

    @Test
    void aNodeWithoutTheFeatureKeepsCsRuleAfterActivation() throws Exception {
        ChainState s = state(ChainState.Config.DEFAULT.withKnownFeatures(0));
        RewardChain c = RewardChain.build(s, RewardChain.ACTIVE_FROM - 1);
        assertThat(s.submitTx(c.claim()).admission().verdict().kind()).isEqualTo(InputVerdict.Kind.CLAIM_BAD);
        BlockNode at4032 = RewardChain.mineHolding(s, c.others, c.tip, c.claim());
        assertThat(at4032.height()).isEqualTo(RewardChain.ACTIVE_FROM);
        assertThat(s.complaintOf(at4032)).get().isInstanceOf(ComplainClaimInputInvalidPacket.class);
        assertThat(s.miningHead()).isEqualTo(c.tip);
    }
}
