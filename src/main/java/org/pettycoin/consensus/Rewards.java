package org.pettycoin.consensus;

import java.math.BigInteger;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.crypto.Sha256;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Tx;

/**
 * Block rewards and TX_CLAIM (C's reward.c, check_tx.c check_claim_input).
 * Once a block's reward period has ended, one of its txs is picked as the reward tx and the block's
 * {@code fees_to} may claim that tx's fee times the block's tx count. Claims never worked in C (see
 * {@link #checkClaimInputLikeC}); they pay once Feature.REWARDS is active ({@link ClaimRule}).
 */
public final class Rewards {
    /** PROTOCOL_REWARD_PERIOD: reward txs are decided once per this many blocks. */
    public static final long REWARD_PERIOD = 100;

    private static final long U32_MASK = 0xffffffffL;
    /** PROTOCOL_REWARD(total, n) = (u64(total) * n * 3 + 1024) / 1027. */
    private static final long REWARD_MULTIPLIER = 3;

    private static final long REWARD_ROUNDING = 1024;
    private static final long REWARD_DIVISOR = 1027;

    /** A tx slot in a block: shard and offset in it. */
    public record Slot(int shard, int txoff) {}

    private Rewards() {}

    /** PROTOCOL_REWARD: u64 arithmetic (wrapping as C's does), the result truncated to a u32. */
    public static long protocolReward(long total, long numTxs) {
        long scaled = total * numTxs * REWARD_MULTIPLIER + REWARD_ROUNDING;
        return Long.divideUnsigned(scaled, REWARD_DIVISOR) & U32_MASK;
    }

    /** The height whose block decides the reward of a block at {@code height}: rounded up to a period. */
    public static long rewardEnd(long height) {
        return ((height + REWARD_PERIOD - 1) & U32_MASK) / REWARD_PERIOD * REWARD_PERIOD;
    }

    /** {@code reward_amount}: what the miner of {@code rewardBlock} may claim given its reward tx. */
    public static long rewardAmount(Block rewardBlock, Tx rewardTx) {
        return rewardTx.paysFee() ? protocolReward(TxAmounts.amountForFee(rewardTx), rewardBlock.totalTxs()) : 0;
    }

    /** The output number a claim's input must name: one past the reward tx's outputs, plus one (C's rule). */
    public static int claimOutput(Tx rewardTx) {
        return TxOutputs.numOutputs(rewardTx) + 1;
    }

    /**
     * {@code reward_get_tx}: the reward tx of {@code rewardBlock} as seen from {@code claimBlock}, if
     * decided: the block has txs, is an ancestor-or-self of the claim block, and the claim block is
     * past {@link #rewardEnd}. The decider is the block at height reward_end on the claim block's
     * chain, as intended; C computes its distance as {@code R.height - reward_end} (u32) and crashes or
     * picks the claim block itself (docs/c-differences.md #3).
     */
    public static Optional<Slot> rewardTx(BlockNode rewardBlock, BlockNode claimBlock) {
        return rewardTx(rewardBlock, claimBlock, claimBlock.height());
    }

    /**
     * The same for a claim at {@code claimHeight} on the chain through {@code chain}: the claim block
     * itself, or, for a pending claim, the block it would be mined on ({@code claimHeight} one more).
     * The decider must be in {@code chain}: {@code claimHeight > reward_end} and the decider at most
     * {@code chain} itself.
     */
    public static Optional<Slot> rewardTx(BlockNode rewardBlock, BlockNode chain, long claimHeight) {
        Block r = rewardBlock.block();
        long end = rewardEnd(rewardBlock.height());
        if (r.totalTxs() == 0 || !rewardBlock.precedes(chain) || claimHeight <= end || chain.height() < end) {
            return Optional.empty();
        }
        BlockNode decider = chain.ancestor(chain.height() - end).orElseThrow();
        Hash256 seed =
                Sha256.doubleSha256(rewardBlock.id().toByteArray(), decider.id().toByteArray());
        return Optional.of(slotOf(r, selectIndex(seed, r.totalTxs())));
    }

    /** The seed read as a big-endian 256-bit number (BN_bin2bn), mod the block's tx count. */
    static long selectIndex(Hash256 seed, long totalTxs) {
        return new BigInteger(1, seed.toByteArray())
                .mod(BigInteger.valueOf(totalTxs))
                .longValueExact();
    }

    /** The {@code n}-th tx of a block, counting shard 0's txs first, then shard 1's, and so on. */
    static Slot slotOf(Block block, long n) {
        long left = n;
        for (int shard = 0; shard < block.numShards(); shard++) {
            if (left < block.numTxs(shard)) {
                return new Slot(shard, (int) left);
            }
            left -= block.numTxs(shard);
        }
        throw new IllegalArgumentException("block has " + block.totalTxs() + " txs, no tx " + n);
    }

    /**
     * The consensus rule for a claim whose input tx resolves: the amount the input is worth, never
     * present. C's {@code check_claim_input} is declared bool but returns ECODE_INPUT_OK (0, false)
     * once every check passes, so a C node finds every such claim CLAIM_BAD; we must too, or a
     * block with a claim would split us from C nodes (docs/c-differences.md #3). {@link ClaimRule} picks
     * this or {@link #checkClaimInputIntended} by whether Feature.REWARDS is active where the claim is.
     */
    public static Optional<Long> checkClaimInputLikeC(
            ClaimTx claim, BlockNode claimBlock, BlockNode rewardBlock, Slot rewardSlot, Tx rewardTx) {
        return Optional.empty();
    }

    /**
     * The claim rule as C's reward.c and check_claim_input mean it, for a claim in {@code claimBlock}.
     * See {@link #checkClaimInputIntended(ClaimTx, BlockNode, long, BlockNode, Slot, Tx)}.
     */
    static Optional<Long> checkClaimInputIntended(
            ClaimTx claim, BlockNode claimBlock, BlockNode rewardBlock, Slot rewardSlot, Tx rewardTx) {
        return checkClaimInputIntended(claim, claimBlock, claimBlock.height(), rewardBlock, rewardSlot, rewardTx);
    }

    /**
     * The claim rule as C's reward.c and check_claim_input mean it (the rule {@link
     * org.pettycoin.chain.Feature#REWARDS} switches on): the input names the reward tx's
     * pseudo-output {@link #claimOutput}, the reward is decided on the claim's chain and the reward
     * tx sits in the decided slot, and the claimer is the reward block's {@code fees_to}; then the
     * input is worth {@link #rewardAmount}, which the caller matches with {@code correct_amount}
     * (claim amount plus its fee if the fee bit is set). A reward worth nothing cannot be claimed:
     * the claim would only put a useless output into the chain (C would take a claim of 0 without
     * fee). One claim per reward per chain is the double-spend rule on that pseudo-output, which the
     * caller applies as for any input.
     *
     * @param chain the claim's block, or the block a pending claim would be mined on
     * @param claimHeight the claim block's height ({@code chain}'s, or one more for a pending claim)
     */
    static Optional<Long> checkClaimInputIntended(
            ClaimTx claim, BlockNode chain, long claimHeight, BlockNode rewardBlock, Slot rewardSlot, Tx rewardTx) {
        if (claim.input().output() != claimOutput(rewardTx)
                || !rewardTx(rewardBlock, chain, claimHeight)
                        .map(rewardSlot::equals)
                        .orElse(false)
                || !Hash160.addressOf(claim.inputKey())
                        .equals(rewardBlock.block().header().feesTo())) {
            return Optional.empty();
        }
        long worth = rewardAmount(rewardBlock.block(), rewardTx);
        return worth == 0 ? Optional.empty() : Optional.of(worth);
    }
}
