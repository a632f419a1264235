package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestNodes.address;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.Interests;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.SetFilterPacket;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxPacket;
import org.pettycoin.protocol.WelcomePacket;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestKeys;
import org.pettycoin.testing.TestNodes;
import org.pettycoin.testing.TestTxs;

/**
 * Interests on the wire: our WELCOME says which shards we hold, and a tx goes only to peers that
 * want its own shard or the one it pays into (C's peer_wants.c, peer.c send_to_interested_peers).
 */
@Timeout(60)
class PartialRelayTest {
    private static final PrivateKey IN_0 = TestKeys.inShard(0, 2, 10);
    private static final PrivateKey IN_2 = TestKeys.inShard(2, 2, 10);
    private static final PrivateKey IN_3 = TestKeys.inShard(3, 2, 10);

    @TempDir
    Path dir;

    @Test
    void aPartialNodeWelcomesWithItsShardsAndAFullOneWithEveryBit() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS)) {
            Node partial = nodes.start(nodes.options("p").withShards(Interests.of(0, 1)));
            Node full = nodes.start("f");
            try (HostileClient c = new HostileClient(address(partial));
                    HostileClient d = new HostileClient(address(full))) {
                assertThat(c.welcome(Optional.empty()).interests())
                        .isEqualTo(Interests.of(0, 1).welcomeBitmap());
                assertThat(d.welcome(Optional.empty()).interests()).isEqualTo(WelcomePacket.ALL_INTERESTS);
            }
        }
    }

    @Test
    void aTxGoesOnlyToPeersWantingItsShardOrTheShardItPaysInto() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS)) {
            Node node = nodes.start("n");
            try (HostileClient zeroOne = synced(node, Interests.of(0, 1));
                    HostileClient two = synced(node, Interests.of(2))) {
                Tx fund2 = TestTxs.fund(IN_2, 100);
                Tx fund3 = TestTxs.fund(IN_3, 100);
                Tx pay3to0 = TestTxs.pay(IN_3, IN_0, 40, 60, TestTxs.out(fund3, 0));
                Tx fund0 = TestTxs.fund(IN_0, 7);
                Tx fund2Again = TestTxs.fund(IN_2, 8);
                for (Tx tx : List.of(fund2, fund3, pay3to0, fund0, fund2Again)) {
                    assertThat(TestNodes.submit(node, tx)).isIn(PendingPool.Status.READY, PendingPool.Status.WAITING);
                }
                // One connection keeps its order: whatever came before the last tx a peer wants is all it got.
                assertThat(txsUntil(zeroOne, fund0)).containsExactly(id(pay3to0), id(fund0));
                assertThat(txsUntil(two, fund2Again)).containsExactly(id(fund2), id(fund2Again));
            }
        }
    }

    /**
     * docs/c-differences.md #52: a peer's tx of a shard we do not hold is not kept (its inputs cannot
     * be checked here) but still goes on to the peers that want it.
     */
    @Test
    void aPartialNodeRelaysATxOfAShardItDoesNotHoldWithoutKeepingIt() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS)) {
            Node partial = nodes.start(nodes.options("p").withShards(Interests.of(0, 1)));
            try (HostileClient two = synced(partial, Interests.of(2));
                    HostileClient sender = synced(partial, Interests.ALL)) {
                Tx fund2 = TestTxs.fund(IN_2, 100);
                Tx fund0 = TestTxs.fund(IN_0, 100);
                sender.send(new TxPacket(fund2));
                sender.send(new TxPacket(fund0));
                assertThat(txsUntil(two, fund2)).containsExactly(id(fund2));
                assertThat(Await.await(
                                Duration.ofSeconds(10),
                                () -> partial.call(
                                                () -> partial.state().pending().size())
                                        == 1))
                        .isTrue();
                assertThat(partial.call(() -> partial.state()
                                        .pending()
                                        .get(id(fund0))
                                        .isPresent()
                                && partial.state().pending().get(id(fund2)).isEmpty()))
                        .isTrue();
            }
        }
    }

    /** A raw peer welcomed with these interests that has told the node it is synced (SET_FILTER). */
    private static HostileClient synced(Node node, Interests interests) throws Exception {
        int before = synced(node); // counted first: the node may act on SET_FILTER before we look again
        HostileClient c = new HostileClient(address(node));
        c.send(HostileClient.welcomePacket(HostileClient.randomUuid(), 1, interests.welcomeBitmap(), Optional.empty()));
        assertThat(c.read(5000).orElseThrow()).isInstanceOf(WelcomePacket.class);
        c.send(SetFilterPacket.SYNCED);
        assertThat(Await.await(Duration.ofSeconds(10), () -> synced(node) > before))
                .isTrue();
        return c;
    }

    private static int synced(Node node) throws Exception {
        return node.call(() -> (int) node.network().peerInfo().stream()
                .filter(p -> p.welcomed() && !p.theyAreSyncing())
                .count());
    }

    /** The txids of the TX packets a peer gets, up to and including {@code last}. */
    private static List<Hash256> txsUntil(HostileClient c, Tx last) throws Exception {
        List<Hash256> got = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!got.contains(id(last)) && System.currentTimeMillis() < deadline) {
            Optional<Packet> p = c.read(deadline - System.currentTimeMillis());
            if (p.isPresent() && p.get() instanceof TxPacket t) {
                got.add(id(t.tx()));
            }
        }
        return got;
    }

    private static Hash256 id(Tx tx) {
        return TxHashes.txid(tx);
    }
}
