package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestKeys.key;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.consensus.Rewards.Slot;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.NormalTx;

/**
 * Reward arithmetic and reward-tx selection (C's reward.c). The chain: empty blocks to 149, R at
 * 150 with txs (3, 0, 2, 1) paying fees to the claimer, empty blocks to 199, then two branches
 * (main and fork) with their own block 200 and 201; and a side branch off 149 reaching 201 without R.
 */
class RewardsTest {
    private static final TxSigning SIGNING = new TxSigning();
    /** Fixed keys keep the chain, and so the selected slots, the same on every run. */
    private static final PrivateKey CLAIMER = key(0x11);

    private static final PrivateKey STRANGER = key(0x22);
    private static final Address MINER = Address.fromHex("1201212a5b494784a924f2e0249bf4c268af1d0e");
    private static BlockNode r;
    private static BlockNode h120;
    private static BlockNode main200;
    private static BlockNode main201;
    private static BlockNode fork200;
    private static BlockNode fork201;
    private static BlockNode side201;
    private static NormalTx rewardTx;

    @BeforeAll
    static void buildChain() {
        BlockTree tree = new BlockTree(Network.REGTEST);
        ChainBuilder miner = new ChainBuilder(tree, MINER);
        Address claimer = Hash160.addressOf(
                SIGNING.claim(CLAIMER, 0, new Input(Hash256.ZERO, 0), false).inputKey());
        BlockNode h149 = miner.extend(tree.genesis(), 149);
        h120 = h149.ancestor(29).orElseThrow();
        Block template = new ChainBuilder(tree, claimer)
                .template(h149, h149.block().tailer().timestamp() + 10);
        Block withTxs = new Block(
                template.header(),
                Bytes.of(new byte[] {3, 0, 2, 1}),
                template.merkles(),
                template.prevTxhashes(),
                template.tailer());
        r = tree.add(withTxs, BlockIds.id(withTxs));
        BlockNode h199 = miner.extend(r, 49);
        long t = h199.block().tailer().timestamp();
        main200 = miner.mine(h199, t + 10);
        fork200 = miner.mine(h199, t + 11);
        main201 = miner.extend(main200, 1);
        fork201 = miner.extend(fork200, 1);
        side201 = miner.extend(h149, 52);
        rewardTx = SIGNING.normal(STRANGER, MINER, 1000, 5, List.of(new Input(Hash256.ZERO, 0)), true);
    }

    /** The selection done by hand: SHA256d(R ‖ decider) as a big-endian number, then (3, 0, 2, 1) walked. */
    private static Slot byHand(BlockNode decider) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(r.id().toByteArray());
        sha.update(decider.id().toByteArray());
        byte[] once = sha.digest();
        int n = new BigInteger(1, sha.digest(once)).mod(BigInteger.valueOf(6)).intValue();
        return n < 3 ? new Slot(0, n) : n < 5 ? new Slot(2, n - 3) : new Slot(3, 0);
    }

    private static ClaimTx claim(PrivateKey who, long amount, int output) {
        return SIGNING.claim(who, amount, new Input(TxHashes.txid(rewardTx), output), true);
    }

    @Test
    void rewardArithmetic() {
        assertThat(Rewards.protocolReward(1000, 1)).isEqualTo(3);
        assertThat(Rewards.protocolReward(1000, 6)).isEqualTo(18);
        assertThat(Rewards.protocolReward(0, 100)).isZero();
        assertThat(Rewards.protocolReward(0x20000000L, 1020))
                .isEqualTo(BigInteger.valueOf(0x20000000L * 1020 * 3 + 1024)
                                .divide(BigInteger.valueOf(1027))
                                .longValueExact()
                        & 0xffffffffL);
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        BigInteger big = BigInteger.valueOf(0xffffffffL);
        long wrapped = big.multiply(big)
                .multiply(BigInteger.valueOf(3))
                .add(BigInteger.valueOf(1024))
                .mod(two64)
                .divide(BigInteger.valueOf(1027))
                .mod(BigInteger.ONE.shiftLeft(32))
                .longValueExact();
        assertThat(Rewards.protocolReward(0xffffffffL, 0xffffffffL))
                .as("u64 wrap, then u32")
                .isEqualTo(wrapped);
    }

    @Test
    void rewardEndRoundsUpToAPeriod() {
        assertThat(Rewards.rewardEnd(0)).isZero();
        assertThat(Rewards.rewardEnd(1)).isEqualTo(100);
        assertThat(Rewards.rewardEnd(99)).isEqualTo(100);
        assertThat(Rewards.rewardEnd(100)).isEqualTo(100);
        assertThat(Rewards.rewardEnd(101)).isEqualTo(200);
        assertThat(Rewards.rewardEnd(150)).isEqualTo(200);
        assertThat(Rewards.rewardEnd(0xffffffffL)).as("C's u32 wraps").isZero();
    }

    @Property
    void rewardEndIsTheNextMultipleOfThePeriod(@ForAll @LongRange(max = 0xffffff00L) long height) {
        long end = Rewards.rewardEnd(height);
        assertThat(end % 100).isZero();
        assertThat(end).isBetween(height, height + 99);
    }

    @Test
    void rewardAmountNeedsTheFeeBit() {
        assertThat(Rewards.rewardAmount(r.block(), rewardTx)).isEqualTo(18);
        NormalTx free = SIGNING.normal(STRANGER, MINER, 1000, 5, List.of(new Input(Hash256.ZERO, 0)), false);
        assertThat(Rewards.rewardAmount(r.block(), free)).isZero();
        assertThat(Rewards.claimOutput(rewardTx)).isEqualTo(3);
    }

    @Test
    void theSeedIsReadBigEndian() {
        byte[] low = new byte[32];
        low[30] = 1;
        low[31] = 2;
        assertThat(Rewards.selectIndex(Hash256.of(low), 7)).isEqualTo(258 % 7);
        byte[] high = new byte[32];
        high[0] = 1;
        // 2^248 mod 7: 2^3 = 1 (mod 7) and 248 = 3·82 + 2, so 4 (little-endian would give 1).
        assertThat(Rewards.selectIndex(Hash256.of(high), 7)).isEqualTo(4);
    }

    @Test
    void theIndexWalksShardsInOrder() {
        Block b = r.block();
        assertThat(Rewards.slotOf(b, 0)).isEqualTo(new Slot(0, 0));
        assertThat(Rewards.slotOf(b, 2)).isEqualTo(new Slot(0, 2));
        assertThat(Rewards.slotOf(b, 3)).isEqualTo(new Slot(2, 0));
        assertThat(Rewards.slotOf(b, 4)).isEqualTo(new Slot(2, 1));
        assertThat(Rewards.slotOf(b, 5)).isEqualTo(new Slot(3, 0));
    }

    @Test
    void theRewardTxIsDecidedByBlock200OnTheClaimsChain() throws Exception {
        assertThat(Rewards.rewardTx(r, main201)).contains(byHand(main200));
        assertThat(Rewards.rewardTx(r, fork201)).contains(byHand(fork200));
        // The chain is built so that C's decider (the claim block itself) or R would pick another tx.
        assertThat(byHand(main200)).isNotEqualTo(byHand(main201)).isNotEqualTo(byHand(r));
    }

    @Test
    void noRewardTxUntilDecidedOffChainOrForAnEmptyBlock() {
        assertThat(Rewards.rewardTx(r, main200))
                .as("reward_end itself is too soon")
                .isEmpty();
        assertThat(Rewards.rewardTx(r, r)).isEmpty();
        assertThat(Rewards.rewardTx(r, side201))
                .as("R is not on the claim's chain")
                .isEmpty();
        assertThat(Rewards.rewardTx(h120, main201)).as("empty block").isEmpty();
    }

    @Test
    void claimsFailLikeCEvenWhenTheyFollowTheIntendedRule() {
        Slot slot = Rewards.rewardTx(r, main201).orElseThrow();
        ClaimTx claim = claim(CLAIMER, 17, 3);
        assertThat(Rewards.checkClaimInputIntended(claim, main201, r, slot, rewardTx))
                .contains(18L);
        assertThat(TxAmounts.correctAmount(claim, 18)).as("17 + FEE(17)").isTrue();
        assertThat(Rewards.checkClaimInputLikeC(claim, main201, r, slot, rewardTx))
                .isEmpty();
    }

    @Test
    void theIntendedClaimRule() {
        Slot slot = Rewards.rewardTx(r, main201).orElseThrow();
        Slot other = slot.equals(new Slot(3, 0)) ? new Slot(0, 0) : new Slot(3, 0);
        assertThat(Rewards.checkClaimInputIntended(claim(CLAIMER, 17, 2), main201, r, slot, rewardTx))
                .as("num_outputs, as C's comment says, is not C's rule")
                .isEmpty();
        assertThat(Rewards.checkClaimInputIntended(claim(CLAIMER, 17, 0), main201, r, slot, rewardTx))
                .as("what create_claim_tx writes")
                .isEmpty();
        assertThat(Rewards.checkClaimInputIntended(claim(CLAIMER, 17, 3), main201, r, other, rewardTx))
                .isEmpty();
        assertThat(Rewards.checkClaimInputIntended(claim(STRANGER, 17, 3), main201, r, slot, rewardTx))
                .as("only fees_to may claim")
                .isEmpty();
        assertThat(Rewards.checkClaimInputIntended(claim(CLAIMER, 17, 3), main200, r, slot, rewardTx))
                .as("too soon")
                .isEmpty();
        Optional<Slot> forkSlot = Rewards.rewardTx(r, fork201);
        assertThat(Rewards.checkClaimInputIntended(claim(CLAIMER, 17, 3), fork201, r, forkSlot.orElseThrow(), rewardTx))
                .contains(18L);
    }

    @Test
    void aPendingClaimIsDecidedOnTheBlockItWouldBeMinedOn() {
        assertThat(Rewards.rewardTx(r, main200, 201)).isEqualTo(Rewards.rewardTx(r, main201));
        assertThat(Rewards.rewardTx(r, main200.parent().orElseThrow(), 200))
                .as("a claim mined on 199 would sit at reward_end itself")
                .isEmpty();
        Slot slot = Rewards.rewardTx(r, main201).orElseThrow();
        assertThat(Rewards.checkClaimInputIntended(claim(CLAIMER, 17, 3), main200, 201, r, slot, rewardTx))
                .contains(18L);
    }

    @Test
    void aRewardWorthNothingCannotBeClaimed() {
        NormalTx free = SIGNING.normal(STRANGER, MINER, 1000, 5, List.of(new Input(Hash256.ZERO, 0)), false);
        Slot slot = Rewards.rewardTx(r, main201).orElseThrow();
        ClaimTx nothing = SIGNING.claim(CLAIMER, 0, new Input(TxHashes.txid(free), 3), false);
        assertThat(TxAmounts.correctAmount(nothing, 0)).as("it would add up").isTrue();
        assertThat(Rewards.checkClaimInputIntended(nothing, main201, r, slot, free))
                .isEmpty();
    }
}
