package org.pettycoin.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Feature;
import org.pettycoin.chain.FeatureVotes;
import org.pettycoin.chain.Network;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.chainstate.BlockFlags;
import org.pettycoin.chainstate.ChainInput;
import org.pettycoin.chainstate.Origin;
import org.pettycoin.consensus.Rewards;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.mining.MinedBlock;
import org.pettycoin.mining.TxAndRefs;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.TxWithProof;
import org.pettycoin.store.Blockfile;

/**
 * A regtest chain on which miner rewards become claimable: every block from 1 to 2016 votes for
 * {@link Feature#REWARDS}, so it locks in at 2016 and is active from 4032. Block {@link #REWARD_HEIGHT}
 * pays its fees to {@link #CLAIMER} and holds one tx, a deposit with the fee bit (so that tx is its
 * reward tx, worth {@link #WORTH}); the block after it, also the claimer's, holds one feeless deposit
 * (a zero reward). Their reward period ends at {@link #DECIDED_AT}. Blocks are 10 s apart from genesis;
 * a node reading it needs a clock at {@link #clockFor} or later.
 */
public final class RewardChain {
    /** The key whose address the two reward blocks pay. */
    public static final PrivateKey CLAIMER = TestKeys.key(0x77);
    /** Where the other blocks pay. */
    public static final PrivateKey OTHER_MINER = TestKeys.key(0x78);

    public static final long LOCKED_IN_AT = FeatureVotes.VOTE_BLOCKS;
    public static final long ACTIVE_FROM = LOCKED_IN_AT + FeatureVotes.CONFIRM_DELAY;
    public static final long REWARD_HEIGHT = 3901;
    public static final long DECIDED_AT = Rewards.rewardEnd(REWARD_HEIGHT);
    /** What the deposit in the reward block moves, in satoshi. */
    public static final long DEPOSIT = 1_000_000;
    /** PROTOCOL_REWARD(DEPOSIT, 1 tx). */
    public static final long WORTH = Rewards.protocolReward(DEPOSIT, 1);

    public final ChainBuilder others;
    public final ChainBuilder claimers;
    public final BlockNode reward;
    public final BlockNode zero;
    public final FromGatewayTx rewardTx;
    public final FromGatewayTx zeroTx;
    public final BlockNode tip;

    private RewardChain(ChainInput input, long height) {
        others = ChainBuilder.on(input, TestKeys.address(OTHER_MINER)).voting(Feature.REWARDS.bit());
        claimers = ChainBuilder.on(input, TestKeys.address(CLAIMER));
        BlockNode t = others.extend(input.chain().tree().genesis(), (int) (REWARD_HEIGHT - 1));
        rewardTx = TestTxs.SIGNING.fromGateway(
                TestTxs.GATEWAY, List.of(new GatewayPayment(DEPOSIT, TestKeys.address(OTHER_MINER))), true);
        reward = claimers.mine(t, next(t), List.of(new TxAndRefs(rewardTx, List.of())));
        zeroTx = TestTxs.SIGNING.fromGateway(
                TestTxs.GATEWAY, List.of(new GatewayPayment(5000, TestKeys.address(OTHER_MINER))), false);
        zero = claimers.mine(reward, next(reward), List.of(new TxAndRefs(zeroTx, List.of())));
        tip = others.extend(zero, (int) (height - zero.height()));
    }

    /** Writes every block of the chain with its txs to a new blockfile, in height order, as a node writes them. */
    public void writeBlockfile(Path path) throws IOException {
        List<MinedBlock> all = new ArrayList<>(others.builtWithContents());
        all.addAll(claimers.builtWithContents());
        all.sort(Comparator.comparingLong(
                m -> others.tree().find(m.id()).orElseThrow().height()));
        try (Blockfile file = Blockfile.open(path)) {
            file.replay((frame, offset) -> Optional.empty());
            for (MinedBlock b : all) {
                file.append(PacketCodec.encode(new BlockPacket(b.block())));
                for (TxWithProof t : b.provenTxs()) {
                    file.append(PacketCodec.encode(new TxInBlockPacket(t)));
                }
            }
        }
    }

    /**
     * Builds the chain up to {@code height} (at least {@link #REWARD_HEIGHT} + 1) on {@code input}, on its
     * owner thread.
     */
    public static RewardChain build(ChainInput input, long height) {
        return new RewardChain(input, height);
    }

    /** A clock a node must read for blocks up to {@code height} not to be from the future. */
    public static long clockFor(long height) {
        return Network.REGTEST.genesisTimestamp() + (height + 1) * ChainBuilder.DEFAULT_SPACING_SECS + 3600;
    }

    public static long next(BlockNode parent) {
        return parent.block().tailer().timestamp() + ChainBuilder.DEFAULT_SPACING_SECS;
    }

    /**
     * Builds a child of {@code parent} holding {@code claim} and gives it with its contents to {@code
     * input}, as a peer's block would come, whatever the node makes of the contents.
     */
    public static BlockNode mineHolding(ChainInput input, ChainBuilder builder, BlockNode parent, Tx claim) {
        MinedBlock m = builder.build(
                parent, next(parent), ChainBuilder.placeByShard(List.of(builder.withRefs(parent, claim))));
        input.processBlock(ReceivedBlock.of(m.block(), m.id()), BlockFlags.OWN, Origin.LOCAL);
        for (ShardPacket p : m.shardPackets()) {
            input.receiveShard(p, Origin.LOCAL);
        }
        for (TxWithProof t : m.provenTxs()) {
            input.receiveTxInBlock(t, Origin.LOCAL);
        }
        return input.chain().tree().find(m.id()).orElseThrow();
    }

    /** The input a claim of the reward names: the reward tx's pseudo-output. */
    public Input claimInput() {
        return new Input(TxHashes.txid(rewardTx), Rewards.claimOutput(rewardTx));
    }

    /** A right claim of the whole reward by {@link #CLAIMER}, no fee. */
    public ClaimTx claim() {
        return TestTxs.SIGNING.claim(CLAIMER, WORTH, claimInput(), false);
    }

    /** Another right claim of the same reward: the fee bit set, the amount less the fee. */
    public ClaimTx claimWithFee() {
        for (long a = WORTH; a > 0; a--) {
            if (a + Protocol.fee(a) == WORTH) {
                return TestTxs.SIGNING.claim(CLAIMER, a, claimInput(), true);
            }
        }
        throw new IllegalStateException("no amount plus its fee makes " + WORTH);
    }
}
