package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.net.ComplaintRig.ALICE;
import static org.pettycoin.net.ComplaintRig.BOB;
import static org.pettycoin.net.ComplaintRig.CAROL;
import static org.pettycoin.net.ComplaintRig.WAIT;
import static org.pettycoin.net.ComplaintRig.fA;
import static org.pettycoin.net.ComplaintRig.fA2;
import static org.pettycoin.net.ComplaintRig.fB;
import static org.pettycoin.net.ComplaintRig.hA;
import static org.pettycoin.net.ComplaintRig.hB;
import static org.pettycoin.net.ComplaintRig.holds;
import static org.pettycoin.net.ComplaintRig.holdsFull;
import static org.pettycoin.net.ComplaintRig.innocent;
import static org.pettycoin.net.ComplaintRig.invalid;
import static org.pettycoin.net.ComplaintRig.longestChainHead;
import static org.pettycoin.net.ComplaintRig.out;
import static org.pettycoin.net.ComplaintRig.pending;
import static org.pettycoin.net.ComplaintRig.sendBlockWith;
import static org.pettycoin.net.ComplaintRig.spend1;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pettycoin.mining.MinedBlock;
import org.pettycoin.protocol.ComplainDoublespendPacket;
import org.pettycoin.protocol.ComplainTxBadAmountPacket;
import org.pettycoin.protocol.ComplainTxBadInputPacket;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.ErrPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxBadAmountPacket;
import org.pettycoin.protocol.TxBadInputPacket;
import org.pettycoin.protocol.TxDoublespendPacket;
import org.pettycoin.protocol.TxPacket;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestKeys;
import org.pettycoin.testing.TestNodes;
import org.pettycoin.testing.TestTxs;

/**
 * The three tx notices (TX_BAD_INPUT, TX_BAD_AMOUNT, TX_DOUBLESPEND) over real sockets: a tx the
 * pool refuses is answered with the notice, and a notice about a tx that sits in blocks makes the
 * node complain about those blocks (to the notice's sender too, and to the next node) and forget
 * the tx. A C-style peer is sent only the notices a C node takes.
 */
@Timeout(120)
class TxNoticesOverTheWireTest {
    @TempDir
    Path dir;

    enum Notice {
        BAD_INPUT(TxBadInputPacket.class, ComplainTxBadInputPacket.class, true),
        BAD_AMOUNT(TxBadAmountPacket.class, ComplainTxBadAmountPacket.class, true),
        DOUBLESPEND(TxDoublespendPacket.class, ComplainDoublespendPacket.class, false);

        final Class<? extends Packet> packet;
        final Class<? extends ComplaintPacket> complaint;
        /** Whether a C node takes the notice we send (peer.c recv_tx_doublespend always answers BAD_INPUT). */
        final boolean cTakesIt;

        Notice(Class<? extends Packet> packet, Class<? extends ComplaintPacket> complaint, boolean cTakesIt) {
            this.packet = packet;
            this.complaint = complaint;
            this.cTakesIt = cTakesIt;
        }

        /** A tx A's pool refuses for this reason, against b1 and b2. */
        Tx refused() {
            return switch (this) {
                case BAD_INPUT -> TestTxs.pay(ALICE, BOB, 700, 0, out(fB, 0)); // Bob's output
                case BAD_AMOUNT -> TestTxs.pay(ALICE, BOB, 400, 0, out(fA2, 0)); // 500 in, 400 out
                case DOUBLESPEND -> TestTxs.pay(ALICE, CAROL, 1000, 0, out(fA, 0)); // spend1 spent it
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Notice.class)
    void aTxThePoolRefusesIsAnsweredWithTheNotice(Notice kind) throws Exception {
        try (ComplaintRig r = new ComplaintRig(dir, false);
                HostileClient h = ComplaintRig.ours(r.a);
                HostileClient c = ComplaintRig.cStyle(r.a)) {
            r.sendCommonChain(h);
            Hash256 b2 = r.b2.id();
            Await.until("A holds b2 in full", WAIT, () -> TestNodes.bestId(r.a).equals(b2));
            Tx tx = kind.refused();
            h.send(new TxPacket(tx));
            Packet notice = h.next(kind.packet, 10_000).orElseThrow();
            if (notice instanceof TxBadInputPacket n) {
                assertThat(n.input()).isEqualTo(fB);
            } else if (notice instanceof TxBadAmountPacket n) {
                assertThat(n.inputs()).containsExactly(fA2);
            } else {
                TxDoublespendPacket n = (TxDoublespendPacket) notice;
                assertThat(List.of(n.tx1(), n.tx2())).containsExactlyInAnyOrder(tx, spend1);
            }
            assertThat(pending(r.a, tx)).isFalse();

            c.send(new TxPacket(tx));
            List<Packet> toC =
                    c.upToChildrenOf(r.a.call(() -> r.a.state().tree().genesis().id()));
            if (kind.cTakesIt) {
                assertThat(toC).anyMatch(kind.packet::isInstance);
            } else {
                assertThat(toC).as("C hangs up on any TX_DOUBLESPEND").noneMatch(kind.packet::isInstance);
            }
        }
    }

    /** C leaves the fee out of the bad-amount rule: the notice about a tx that owes one and pays none is not for C. */
    @Test
    void aBadAmountNoticeAboutAnUnpaidFeeIsNotSentToACPeer() throws Exception {
        try (ComplaintRig r = new ComplaintRig(dir, false);
                HostileClient h = ComplaintRig.ours(r.a);
                HostileClient c = ComplaintRig.cStyle(r.a)) {
            r.sendCommonChain(h);
            Await.until("A holds b2 in full", WAIT, () -> TestNodes.bestId(r.a).equals(r.b2.id()));
            // 500 in, 300 + 200 out, and the fee bit set: the fee is owed and not paid.
            Tx owesFee = TestTxs.SIGNING.normal(ALICE, TestKeys.address(BOB), 300, 200, List.of(out(fA2, 0)), true);
            h.send(new TxPacket(owesFee));
            assertThat(h.next(TxBadAmountPacket.class, 10_000)).isPresent();
            c.send(new TxPacket(owesFee));
            assertThat(c.upToChildrenOf(
                            r.a.call(() -> r.a.state().tree().genesis().id())))
                    .noneMatch(p -> p instanceof TxBadAmountPacket || p instanceof ErrPacket);
        }
    }

    /**
     * b1 holds two fundings no node is given, so neither node can check what spends them; b3 (and,
     * for a double spend, b4) hold such spends. The notice, with the input txs, proves them bad.
     */
    @ParameterizedTest
    @EnumSource(Notice.class)
    void aNoticeMakesTheNodeComplainAboutBlocksHoldingTheTxAndForgetIt(Notice kind) throws Exception {
        try (ComplaintRig r = new ComplaintRig(dir, true);
                HostileClient h = ComplaintRig.ours(r.a);
                HostileClient h2 = ComplaintRig.ours(r.b)) {
            Tx x = switch (kind) {
                case BAD_INPUT -> TestTxs.pay(ALICE, BOB, 321, 0, out(hB, 0)); // Bob's
                case BAD_AMOUNT -> TestTxs.pay(ALICE, BOB, 600, 0, out(hA, 0)); // 654 in
                case DOUBLESPEND -> TestTxs.pay(ALICE, BOB, 654, 0, out(hA, 0));
            };
            Tx x2 = TestTxs.pay(ALICE, CAROL, 654, 0, out(hA, 0));
            MinedBlock m3 = r.build(r.b2, r.withRefs(r.b2, innocent), r.withRefs(r.b2, x));
            MinedBlock m4 =
                    kind == Notice.DOUBLESPEND ? r.build(r.node(m3), r.withRefs(r.node(m3), x2)) : r.build(r.node(m3));
            Packet notice = switch (kind) {
                case BAD_INPUT -> new TxBadInputPacket(0, x, hB);
                case BAD_AMOUNT -> new TxBadAmountPacket(x, List.of(hA));
                case DOUBLESPEND -> new TxDoublespendPacket(0, 0, x, x2);
            };
            MinedBlock condemned = kind == Notice.DOUBLESPEND ? m4 : m3;
            Hash256 fallsBackTo = kind == Notice.DOUBLESPEND ? m3.id() : r.b2.id();

            for (HostileClient peer : List.of(h, h2)) {
                r.sendCommonChain(peer);
                sendBlockWith(peer, m3, innocent, x);
                if (kind == Notice.DOUBLESPEND) {
                    sendBlockWith(peer, m4, x2);
                } else {
                    sendBlockWith(peer, m4);
                }
            }
            h.send(new TxPacket(x));
            Await.until(
                    "A and B hold the blocks, A holds x in b3 and pending",
                    WAIT,
                    () -> holdsFull(r.a, m3, x)
                            && holdsFull(r.b, m3, x)
                            && holds(r.a, m4)
                            && holds(r.b, m4)
                            && pending(r.a, x));
            assertThat(invalid(r.a, m3) || invalid(r.a, m4))
                    .as("nothing to see without the input")
                    .isFalse();
            assertThat(longestChainHead(r.b)).isEqualTo(m4.id());

            h.send(notice);
            assertThat(h.next(ComplaintPacket.class, 10_000))
                    .as("the notice's sender hears the complaint it gave rise to")
                    .hasValueSatisfying(p -> assertThat(p).isInstanceOf(kind.complaint));
            for (var n : List.of(r.a, r.b)) {
                assertThat(Await.await(WAIT, () -> invalid(n, condemned))).isTrue();
                assertThat(invalid(n, m4)).isTrue();
                assertThat(longestChainHead(n)).isEqualTo(fallsBackTo);
            }
            assertThat(pending(r.a, x)).as("the tx is forgotten").isFalse();
            assertThat(pending(r.a, x2)).isFalse();
            if (kind != Notice.DOUBLESPEND) {
                assertThat(pending(r.a, innocent))
                        .as("b3's good tx is pending again")
                        .isTrue();
            }
            assertThat(h.upToChildrenOf(
                            r.a.call(() -> r.a.state().tree().genesis().id())))
                    .as("an honest notice costs nothing")
                    .noneMatch(p -> p instanceof ErrPacket);
        }
    }
}
