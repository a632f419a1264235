package org.pettycoin.chainstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestKeys.address;
import static org.pettycoin.testing.TestKeys.key;
import static org.pettycoin.testing.TestTxs.fund;
import static org.pettycoin.testing.TestTxs.out;
import static org.pettycoin.testing.TestTxs.pay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.testing.Await;

/** A node's blockfile: what it writes is what it loads, and a torn tail costs only the torn records. */
class BlockfileJournalTest {
    private static final PrivateKey ALICE = key(2);
    private static final PrivateKey BOB = key(3);

    @TempDir
    Path dir;

    /** A chain state journalled to {@code file}, with the fixture's clock. */
    private static final class JournalledNode implements AutoCloseable {
        final BlockfileJournal journal;
        final NodeFixture f;
        final BlockfileLoader.Summary loaded;

        JournalledNode(Path file, long now) throws IOException {
            journal = BlockfileJournal.open(file);
            f = new NodeFixture(ChainState.Config.DEFAULT, journal);
            f.clock.setUnixSeconds(now);
            loaded = journal.load(f.state);
        }

        @Override
        public void close() throws IOException {
            journal.close();
        }
    }

    /** Funds Alice, pays Bob, then a few empty blocks: every kind of record. */
    private static BlockNode buildChain(NodeFixture f) {
        FromGatewayTx funding = fund(ALICE, 1000);
        BlockNode b1 = f.mine(f.head(), funding, fund(BOB, 5));
        NormalTx spend = pay(ALICE, address(BOB), 400, 600, out(funding, 0));
        BlockNode b2 = f.mine(b1, spend);
        BlockNode tip = b2;
        for (int i = 0; i < 3; i++) {
            tip = f.mine(tip);
        }
        return tip;
    }

    @Test
    void whatANodeWritesItLoadsBackWithEveryTx() throws IOException {
        Path file = dir.resolve("blockfile");
        Hash256 tip;
        long now;
        try (JournalledNode a = new JournalledNode(file, Network.REGTEST.genesisTimestamp() + 60)) {
            tip = buildChain(a.f).id();
            now = a.f.clock.unixSeconds();
        }
        try (JournalledNode b = new JournalledNode(file, now)) {
            assertThat(b.loaded.replay().stoppedBecause()).isEmpty();
            assertThat(b.loaded.blocks()).isEqualTo(5);
            assertThat(b.loaded.txs()).isEqualTo(3);
            assertThat(b.f.head().id()).isEqualTo(tip);
            long size = Files.size(file);
            // Loading wrote nothing; a new block is appended after the old ones.
            assertThat(b.journal.size()).isEqualTo(size);
            BlockNode next = b.f.mine(b.f.head(), fund(ALICE, 7));
            b.journal.syncNow();
            assertThat(Files.size(file)).isGreaterThan(size);
            tip = next.id();
            now = b.f.clock.unixSeconds();
        }
        try (JournalledNode c = new JournalledNode(file, now)) {
            assertThat(c.f.head().id()).isEqualTo(tip);
        }
    }

    @Test
    void aTornTailAtEveryOffsetLosesOnlyTheTornRecordAndAppendingResumes() throws IOException {
        Path file = dir.resolve("blockfile");
        long now;
        List<Long> recordEnds = new ArrayList<>();
        List<Hash256> tips = new ArrayList<>();
        try (JournalledNode a = new JournalledNode(file, Network.REGTEST.genesisTimestamp() + 60)) {
            BlockNode tip = buildChain(a.f);
            // The last records: a block with a tx, then an empty block.
            recordEnds.add(a.journal.size());
            tips.add(tip.id());
            BlockNode withTx = a.f.mine(tip, fund(BOB, 9));
            recordEnds.add(a.journal.size());
            tips.add(withTx.id());
            now = a.f.clock.unixSeconds();
        }
        byte[] whole = Files.readAllBytes(file);
        long from = recordEnds.get(0);
        for (long cut = from; cut <= whole.length; cut++) {
            Path torn = dir.resolve("torn-" + cut);
            Files.write(torn, java.util.Arrays.copyOf(whole, (int) cut));
            try (JournalledNode b = new JournalledNode(torn, now)) {
                // Until the last tx record is whole, the block is attached but not all known.
                Hash256 expected = cut == whole.length ? tips.get(1) : tips.get(0);
                assertThat(b.f.head().id()).as("cut at %d", cut).isEqualTo(expected);
                BlockNode extra = b.f.mine(b.f.head());
                b.journal.syncNow();
                assertThat(extra.height()).isEqualTo(b.f.head().height());
            }
            try (JournalledNode c = new JournalledNode(torn, now)) {
                assertThat(c.loaded.replay().stoppedBecause())
                        .as("cut at %d", cut)
                        .isEmpty();
                assertThat(c.f.head().height()).isEqualTo((cut == whole.length ? 7 : 6));
            }
            Files.delete(torn);
        }
    }

    @Test
    void theSyncTimerForcesAppendedRecordsToTheDevice() throws Exception {
        Path file = dir.resolve("blockfile");
        // The timer as the node runs it: on its node thread, which appends too.
        NodeThread nodeThread = NodeThread.start("test-node", why -> {});
        // Loaded there too: the chain state belongs to the thread that first uses it.
        JournalledNode a = nodeThread.call(() -> new JournalledNode(file, Network.REGTEST.genesisTimestamp() + 60));
        try (a) {
            nodeThread.call(() -> buildChain(a.f));
            NodeThread.Timer sync = nodeThread.scheduleWithFixedDelay(a.journal::syncNow, 20, 20);
            Await.await(Duration.ofSeconds(10), () -> nodeThread.call(a.journal::syncedSize) >= a.journal.size());
            assertThat(nodeThread.call(a.journal::syncedSize)).isEqualTo(a.journal.size());
            sync.cancel();
        } finally {
            nodeThread.shutdown(5_000);
        }
    }
}
