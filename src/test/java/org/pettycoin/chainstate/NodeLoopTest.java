package org.pettycoin.chainstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pettycoin.testing.TestKeys.key;
import static org.pettycoin.testing.TestTxs.fund;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Difficulty;
import org.pettycoin.chain.Network;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.consensus.TxChecks;
import org.pettycoin.consensus.TxSigning;
import org.pettycoin.mining.MinedBlock;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockTailer;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.store.Blockfile;

/** The one way in: events go to the journal first, flags say what a source skips, one TxChecks for all. */
class NodeLoopTest {
    @TempDir
    Path dir;

    private static ChainState stateAt(long now, ChainState.Config config) {
        return new ChainState(Network.REGTEST, config, () -> now, () -> now * 1000);
    }

    @Test
    void theJournalHearsEachInputBeforeAnyOtherSink() {
        NodeFixture f = new NodeFixture();
        MinedBlock b1 = f.build(f.head(), fund(key(2), 1000));
        List<String> heard = new ArrayList<>();
        ChainState target = stateAt(f.clock.unixSeconds(), ChainState.Config.DEFAULT);
        NodeLoop loop = new NodeLoop(target, events -> heard.add("journal " + events.size()));
        loop.addSink(events -> heard.add("peers " + events.size()));

        ChainState.BlockReceipt r = loop.processBlock(ReceivedBlock.of(b1.block()), BlockFlags.PEER, Origin.peer(7));
        assertThat(r.events()).first().isInstanceOfSatisfying(ChainEvent.BlockAttached.class, a -> {
            assertThat(a.origin()).isEqualTo(Origin.peer(7));
            assertThat(a.offered()).isTrue();
            assertThat(a.received().id()).isEqualTo(b1.id());
        });
        ContentResult placed = loop.receiveTxInBlock(b1.provenTxs().get(0), Origin.peer(7));
        assertThat(placed.events()).hasAtLeastOneElementOfType(ChainEvent.TxPlaced.class);
        int n = r.events().size();
        int m = placed.events().size();
        assertThat(heard).containsExactly("journal " + n, "peers " + n, "journal " + m, "peers " + m);
    }

    @Test
    void aJournalThatThrowsStopsTheSinksAfterItButNotTheCascade() {
        NodeFixture f = new NodeFixture();
        BlockNode b1 = f.mine(f.head());
        BlockNode b2 = f.mine(b1);
        ChainState target = stateAt(f.clock.unixSeconds(), ChainState.Config.DEFAULT);
        List<ChainEvent> after = new ArrayList<>();
        NodeLoop loop = new NodeLoop(target, events -> {
            throw new UncheckedIOException(new IOException("disk full"));
        });
        loop.addSink(after::addAll);
        // b2 waits for b1 among the detached blocks: no events, so the journal is not asked.
        assertThat(loop.processBlock(ReceivedBlock.of(b2.block()), BlockFlags.PEER, Origin.LOCAL)
                        .intake())
                .isInstanceOf(BlockIntake.Detached.class);

        assertThatThrownBy(() -> loop.processBlock(ReceivedBlock.of(b1.block()), BlockFlags.PEER, Origin.LOCAL))
                .isInstanceOf(UncheckedIOException.class);
        // Nothing after the journal heard of it, but the chain state finished its cascade.
        assertThat(after).isEmpty();
        assertThat(target.tree().contains(b2.id())).isTrue();
        assertThat(target.miningHead().id()).isEqualTo(b2.id());
        assertThat(target.detached().size()).isZero();
    }

    @Test
    void onlyOurOwnBlocksSkipTheWorkCheck() {
        NodeFixture f = new NodeFixture();
        MinedBlock solved = f.build(f.head());
        Block b = solved.block();
        Block unsolved = b;
        for (long nonce = 0;
                Difficulty.beatsTarget(BlockIds.id(unsolved), b.tailer().difficulty());
                nonce++) {
            unsolved = new Block(
                    b.header(),
                    b.numTxs(),
                    b.merkles(),
                    b.prevTxhashes(),
                    new BlockTailer(b.tailer().timestamp(), b.tailer().difficulty(), nonce));
        }
        ReceivedBlock weak = ReceivedBlock.of(unsolved);

        BlockIntake.Result asPeer = stateAt(f.clock.unixSeconds(), ChainState.Config.DEFAULT)
                .processBlock(weak, BlockFlags.PEER, Origin.peer(1))
                .intake();
        assertThat(asPeer)
                .isInstanceOfSatisfying(
                        BlockIntake.Invalid.class, i -> assertThat(i.error()).isEqualTo(ErrorCode.INSUFFICIENT_WORK));
        BlockIntake.Result asOwn = stateAt(f.clock.unixSeconds(), ChainState.Config.DEFAULT)
                .processBlock(weak, BlockFlags.OWN, Origin.LOCAL)
                .intake();
        assertThat(asOwn).isInstanceOf(BlockIntake.Attached.class);
    }

    @Test
    void theReplayUsesTheConfiguredTxChecks() throws IOException {
        Path file = dir.resolve("blockfile");
        long now;
        try (BlockfileJournal journal = BlockfileJournal.open(file)) {
            NodeFixture f = new NodeFixture(ChainState.Config.DEFAULT, journal);
            journal.load(f.state);
            f.mine(f.mine(f.head(), fund(key(2), 1000)));
            journal.syncNow();
            now = f.clock.unixSeconds();
        }
        // The same file, replayed by a node whose policy admits no gateway: the deposit is refused.
        ChainState.Config noGateways = new ChainState.Config(
                DetachedBlockPool.Limits.DEFAULT,
                PendingPool.Policy.ACCEPT_ALL,
                new TxChecks(new TxSigning(), g -> false));
        try (Blockfile b = Blockfile.openReadOnly(file)) {
            BlockfileLoader.Summary s = new BlockfileLoader(stateAt(now, noGateways)).load(b);
            assertThat(s.replay().stoppedBecause()).isPresent();
            assertThat(s.blocks()).isEqualTo(1);
            assertThat(s.txs()).isZero();
        }
        try (Blockfile b = Blockfile.openReadOnly(file)) {
            BlockfileLoader.Summary s = new BlockfileLoader(stateAt(now, ChainState.Config.DEFAULT)).load(b);
            assertThat(s.replay().stoppedBecause()).isEmpty();
            assertThat(s.blocks()).isEqualTo(2);
            assertThat(s.txs()).isEqualTo(1);
        }
    }
}
