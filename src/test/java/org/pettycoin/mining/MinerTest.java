package org.pettycoin.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.mining.MinerRig.OTHER;
import static org.pettycoin.mining.MinerRig.REWARD;
import static org.pettycoin.testing.Await.await;
import static org.pettycoin.testing.TestKeys.address;
import static org.pettycoin.testing.TestKeys.key;
import static org.pettycoin.testing.TestTxs.SIGNING;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Timestamps;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.consensus.KnownTx;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxShards;
import org.pettycoin.consensus.TxSlot;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxWithProof;

/** The miner against a chain state on a node thread of the test's (no sockets). */
@Timeout(30)
class MinerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final PrivateKey GATEWAY = key(9);

    @SuppressWarnings("try") // the miner is closed inside its try on purpose: close must be idempotent
    @Test
    void minedBlocksAttachThroughTheNormalPathAndAPeerTakesThemAll() throws Exception {
        try (MinerRig rig = new MinerRig();
                Miner miner = Miner.start(rig.host(), rig.config(2))) {
            assertThat(await(WAIT, () -> miner.stats().blocksMined() >= 20)).isTrue();
            miner.close();
            rig.call(() -> {
                // Read on the node thread: a solution taken just before close() is counted by now.
                Miner.Stats s = miner.stats();
                assertThat(s.hashes()).isPositive();
                assertThat(s.refused()).isZero();
                assertThat(s.templates()).isGreaterThanOrEqualTo(s.blocksMined());
                BlockNode head = rig.state.miningHead();
                assertThat(rig.announced).hasSize((int) s.blocksMined());
                assertThat(head.id())
                        .isEqualTo(rig.announced.get(rig.announced.size() - 1).id());
                for (BlockNode b = head; b.height() > 0; b = b.parent().orElseThrow()) {
                    assertThat(b.block().header().feesTo()).isEqualTo(REWARD);
                    assertThat(b.allKnown()).isTrue();
                    assertThat(b.invalid()).isFalse();
                }
                ChainState peer = rig.replayToAPeer();
                assertThat(peer.miningHead().id()).isEqualTo(head.id());
                return null;
            });
        }
    }

    @Test
    void pendingTxsGoInInTheirHomeShardsInCanonicalOrderAndASpendGetsRefsToItsInput() throws Exception {
        try (MinerRig rig = new MinerRig();
                Miner miner = Miner.start(rig.host(), rig.config(1).withRestAfterBlock(Duration.ofMillis(100)))) {
            List<FromGatewayTx> deposits = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                deposits.add(SIGNING.fromGateway(
                        GATEWAY, List.of(new GatewayPayment(1000 + i, address(key(i + 20)))), false));
            }
            rig.call(() -> {
                for (Tx d : deposits) {
                    assertThat(rig.state.submitTx(d).admission().status()).isEqualTo(PendingPool.Status.READY);
                }
                miner.templateChanged();
                return null;
            });
            Hash256 first = TxHashes.txid(deposits.get(0));
            MinerRig.Announced withDeposits = awaitBlockWith(rig, first);
            assertThat(withDeposits.block().totalTxs())
                    .as("all came in one node-thread task")
                    .isEqualTo(12);
            rig.call(() -> {
                BlockNode b = rig.state.tree().find(withDeposits.id()).orElseThrow();
                for (int s = 0; s < b.block().numShards(); s++) {
                    List<Tx> shard = new ArrayList<>();
                    for (int i = 0; i < b.block().numTxs(s); i++) {
                        shard.add(rig.state.txAt(b, s, i).orElseThrow());
                    }
                    for (Tx t : shard) {
                        assertThat(TxShards.shardOf(t, Protocol.INITIAL_SHARD_ORDER))
                                .isEqualTo(s);
                    }
                    assertThat(shard).isSortedAccordingTo(TxShards.CANONICAL_ORDER);
                }
                assertThat(rig.state.pending().size()).isZero();
                return null;
            });

            NormalTx spend = SIGNING.normal(key(20), OTHER, 600, 400, List.of(new Input(first, 0)), false);
            Hash256 spendId = TxHashes.txid(spend);
            rig.call(() -> {
                assertThat(rig.state.submitTx(spend).admission().status()).isEqualTo(PendingPool.Status.READY);
                return null; // no templateChanged(): the poll must see it
            });
            MinerRig.Announced withSpend = awaitBlockWith(rig, spendId);
            rig.call(() -> {
                BlockNode b = rig.state.tree().find(withSpend.id()).orElseThrow();
                TxSlot spendSlot =
                        rig.state.findInChain(b, spendId).map(KnownTx::slot).orElseThrow();
                assertThat(spendSlot.block()).isSameAs(b);
                TxWithProof proven = rig.state
                        .provenAt(b, spendSlot.shard(), spendSlot.txoff())
                        .orElseThrow();
                TxSlot in = rig.state.findInChain(b, first).map(KnownTx::slot).orElseThrow();
                assertThat(proven.refs())
                        .containsExactly(new InputRef(b.height() - in.block().height(), in.shard(), in.txoff()));
                assertThat(rig.replayToAPeer().miningHead().id())
                        .isEqualTo(rig.state.miningHead().id());
                return null;
            });
        }
    }

    @Test
    void aNewHeadFromElsewhereRestartsTheWorkWithAnEmptyPool() throws Exception {
        try (MinerRig rig = new MinerRig();
                Miner miner = Miner.start(rig.host(), rig.config(2).withRestAfterBlock(Duration.ofSeconds(2)))) {
            assertThat(await(WAIT, () -> miner.stats().blocksMined() == 1)).isTrue();
            // Ours is resting now; a heavier branch from elsewhere replaces our block as head.
            BlockNode tip = rig.call(() -> {
                BlockNode ours = rig.state.miningHead();
                assertThat(rig.state.pending().size()).isZero();
                return rig.feedChain(ours.parent().orElseThrow(), 2, 1);
            });
            Hash256 tipId = tip.id();
            assertThat(await(Duration.ofSeconds(1), () -> miner.miningOn().equals(Optional.of(tipId))))
                    .as("the poll saw the new head, with no block of ours and nothing pending")
                    .isTrue();
            assertThat(miner.stats().blocksMined()).isEqualTo(1);
            assertThat(await(WAIT, () -> rig.announced.size() == 2)).isTrue();
            assertThat(rig.announced.get(1).parent()).isEqualTo(tipId);
            assertThat(miner.stats().staleSolutions()).isZero();
        }
    }

    @Test
    void aSolutionForAnOldHeadIsDroppedNotAttached() throws Exception {
        try (MinerRig rig = new MinerRig()) {
            // Nothing else runs: the test thread may act as the node thread.
            Template t = Template.build(rig.state, REWARD);
            MinedBlock solved = solve(rig, t);
            rig.feedChain(rig.state.miningHead(), 1, 1);
            OwnBlocks.Result r = OwnBlocks.accept(rig.state, t, solved);
            assertThat(r.outcome()).isEqualTo(OwnBlocks.Outcome.STALE);
            assertThat(rig.state.tree().find(solved.id())).isEmpty();

            FromGatewayTx d = SIGNING.fromGateway(GATEWAY, List.of(new GatewayPayment(5, REWARD)), false);
            rig.state.submitTx(d);
            Template withTx = Template.build(rig.state, REWARD);
            assertThat(withTx.txCount()).isEqualTo(1);
            MinedBlock solvedWithTx = solve(rig, withTx);
            rig.state.pending().drop(TxHashes.txid(d));
            assertThat(OwnBlocks.accept(rig.state, withTx, solvedWithTx).outcome())
                    .as("its tx left the pool meanwhile")
                    .isEqualTo(OwnBlocks.Outcome.STALE);

            Template fresh = Template.build(rig.state, REWARD);
            OwnBlocks.Result ok = OwnBlocks.accept(rig.state, fresh, solve(rig, fresh));
            assertThat(ok.outcome()).isEqualTo(OwnBlocks.Outcome.ACCEPTED);
            assertThat(rig.state.miningHead()).isSameAs(((OwnBlocks.Accepted) ok).block());
        }
    }

    @Test
    void timestampsAreMedianPlusOneWhenTheClockIsBehindAndMiningWaitsWhenFarBehind() throws Exception {
        try (MinerRig rig = new MinerRig()) {
            long clock = rig.clock.unixSeconds();
            // Eleven blocks 700 s apart from genesis, an hour back: the median is past "now".
            rig.call(() -> rig.feedChain(rig.state.miningHead(), 11, 700));
            long[] median = rig.call(() ->
                    new long[] {Timestamps.medianBefore(rig.state.miningHead()).orElseThrow()});
            assertThat(median[0]).isGreaterThan(clock);
            try (Miner miner = Miner.start(rig.host(), rig.config(1))) {
                assertThat(await(WAIT, () -> miner.stats().blocksMined() >= 5)).isTrue();
            }
            rig.call(() -> {
                for (MinerRig.Announced a : rig.announced) {
                    BlockNode b = rig.state.tree().find(a.id()).orElseThrow();
                    BlockNode parent = b.parent().orElseThrow();
                    long m = Timestamps.medianBefore(parent).orElseThrow();
                    assertThat(b.block().tailer().timestamp()).isEqualTo(Math.max(clock, m + 1));
                    assertThat(Timestamps.acceptable(parent, b.block().tailer().timestamp(), clock))
                            .isTrue();
                }
                return null;
            });

            // Our clock falls more than 2 hours behind the chain: any block would be refused.
            rig.clock.setUnixSeconds(clock - Timestamps.MAX_FUTURE_SECS - 1000);
            int before = rig.announced.size();
            try (Miner miner = Miner.start(rig.host(), rig.config(1))) {
                Thread.sleep(300);
                assertThat(miner.miningOn()).isEmpty();
                assertThat(miner.stats().refused()).isZero();
                assertThat(rig.announced).hasSize(before);
                rig.clock.setUnixSeconds(clock);
                assertThat(await(WAIT, () -> rig.announced.size() > before))
                        .as("resumes with the clock")
                        .isTrue();
            }
        }
    }

    @Test
    void closeStopsEveryThreadPromptlyEvenOnTheNodeThread() throws Exception {
        try (MinerRig rig = new MinerRig()) {
            Miner miner = Miner.start(rig.host(), rig.config(2));
            assertThat(await(WAIT, () -> miner.stats().hashes() > 100_000)).isTrue();
            long start = System.nanoTime();
            rig.call(() -> {
                miner.close();
                return null;
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(minerThreads()).isEmpty();
            long hashes = miner.stats().hashes();
            Thread.sleep(100);
            assertThat(miner.stats().hashes()).isEqualTo(hashes);
            int blocks = rig.announced.size();
            Thread.sleep(100);
            assertThat(rig.announced).hasSize(blocks);
        }
    }

    @Test
    void generateMinesBlocksRightAwayOnTheCallersThread() throws Exception {
        try (MinerRig rig = new MinerRig()) {
            FromGatewayTx d = SIGNING.fromGateway(GATEWAY, List.of(new GatewayPayment(77, REWARD)), false);
            rig.call(() -> rig.state.submitTx(d));
            List<Hash256> ids = Miner.generate(rig.host(), REWARD, rig.clock::unixSeconds, 3);
            assertThat(ids).hasSize(3);
            assertThat(rig.announced).extracting(MinerRig.Announced::id).containsExactlyElementsOf(ids);
            rig.call(() -> {
                BlockNode head = rig.state.miningHead();
                assertThat(head.id()).isEqualTo(ids.get(2));
                assertThat(head.height()).isEqualTo(3);
                TxSlot slot = rig.state
                        .findInChain(head, TxHashes.txid(d))
                        .map(KnownTx::slot)
                        .orElseThrow();
                assertThat(slot.block().id()).isEqualTo(ids.get(0));
                assertThat(rig.replayToAPeer().miningHead().id()).isEqualTo(head.id());
                return null;
            });
        }
    }

    private static List<String> minerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("miner"))
                .toList();
    }

    private static MinedBlock solve(MinerRig rig, Template t) {
        return new MinedBlock(
                Miner.solve(t, t.block().header().nonce2(), 1, rig.clock::unixSeconds, () -> false, new LongAdder()),
                t.shards());
    }

    private static MinerRig.Announced awaitBlockWith(MinerRig rig, Hash256 txid) throws Exception {
        MinerRig.Announced[] found = new MinerRig.Announced[1];
        assertThat(await(
                        WAIT,
                        () -> rig.call(() -> {
                            for (MinerRig.Announced a : rig.announced) {
                                BlockNode b = rig.state.tree().find(a.id()).orElseThrow();
                                Optional<KnownTx> k = rig.state.findInChain(b, txid);
                                if (k.isPresent() && k.get().slot().block() == b) {
                                    found[0] = a;
                                    return true;
                                }
                            }
                            return false;
                        })))
                .as("a block of ours holds " + txid)
                .isTrue();
        return found[0];
    }
}
