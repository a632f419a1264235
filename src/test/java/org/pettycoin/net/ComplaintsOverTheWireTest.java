package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.net.ComplaintRig.ALICE;
import static org.pettycoin.net.ComplaintRig.BOB;
import static org.pettycoin.net.ComplaintRig.CAROL;
import static org.pettycoin.net.ComplaintRig.WAIT;
import static org.pettycoin.net.ComplaintRig.complaintClassOf;
import static org.pettycoin.net.ComplaintRig.fA;
import static org.pettycoin.net.ComplaintRig.fA2;
import static org.pettycoin.net.ComplaintRig.fB;
import static org.pettycoin.net.ComplaintRig.holds;
import static org.pettycoin.net.ComplaintRig.holdsFull;
import static org.pettycoin.net.ComplaintRig.innocent;
import static org.pettycoin.net.ComplaintRig.invalid;
import static org.pettycoin.net.ComplaintRig.longestChainHead;
import static org.pettycoin.net.ComplaintRig.out;
import static org.pettycoin.net.ComplaintRig.pending;
import static org.pettycoin.net.ComplaintRig.proven;
import static org.pettycoin.net.ComplaintRig.sendBlockWith;
import static org.pettycoin.net.ComplaintRig.shardOf;
import static org.pettycoin.net.ComplaintRig.spend1;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.mining.MinedBlock;
import org.pettycoin.mining.TxAndRefs;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.ComplainBadInputRefPacket;
import org.pettycoin.protocol.ComplainClaimInputInvalidPacket;
import org.pettycoin.protocol.ComplainDoublespendPacket;
import org.pettycoin.protocol.ComplainTxBadAmountPacket;
import org.pettycoin.protocol.ComplainTxBadInputPacket;
import org.pettycoin.protocol.ComplainTxInvalidPacket;
import org.pettycoin.protocol.ComplainTxMisorderPacket;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.GetShardPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.Signature;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.TxWithProof;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestNodes;
import org.pettycoin.testing.TestTxs;

/**
 * Block complaints over real sockets between real nodes: node A finds the fault in contents a raw
 * peer H hands it, tells H and node B; B, which holds the same blocks, invalidates the block and
 * its descendants, moves its heads, takes the innocent txs back into pending and tells its other
 * peers. A C-style peer beside them never hears what a C node cannot parse.
 */
@Timeout(120)
class ComplaintsOverTheWireTest {
    @TempDir
    Path dir;

    /** What breaks b3, and the txs that show it (sent to A after the rest of b3). */
    record Broken(List<List<TxAndRefs>> shards, List<Tx> bad) {}

    /** Each complaint a node raises from a block's contents (all but TX_INVALID, which C and we never raise). */
    enum Raised {
        MISORDER(ComplainTxMisorderPacket.class, r -> {
            Tx m1 = TestTxs.fund(ALICE, 301);
            Tx m2 = TestTxs.fund(ALICE, 302);
            List<List<TxAndRefs>> shards = new ArrayList<>(ChainBuilder.placeByShard(
                    List.of(r.withRefs(r.b2, innocent), r.withRefs(r.b2, m1), r.withRefs(r.b2, m2))));
            List<TxAndRefs> pair = shards.get(shardOf(m1));
            shards.set(shardOf(m1), List.of(pair.get(1), pair.get(0)));
            return new Broken(shards, List.of(pair.get(1).tx(), pair.get(0).tx()));
        }),
        BAD_INPUT(ComplainTxBadInputPacket.class, r -> one(r, TestTxs.pay(ALICE, BOB, 700, 0, out(fB, 0)))),
        DOUBLESPEND(ComplainDoublespendPacket.class, r -> one(r, TestTxs.pay(ALICE, CAROL, 1000, 0, out(fA, 0)))),
        BAD_INPUT_REF(ComplainBadInputRefPacket.class, r -> {
            Tx t = TestTxs.pay(ALICE, BOB, 500, 0, out(fA2, 0));
            return one(r, r.withRefMovedTo(r.b2, t, r.txoffInB1(fA)));
        }),
        BAD_AMOUNT(ComplainTxBadAmountPacket.class, r -> one(r, TestTxs.pay(ALICE, BOB, 400, 0, out(fA2, 0)))),
        CLAIM_INPUT_INVALID(
                ComplainClaimInputInvalidPacket.class,
                // As in C no claim is valid (docs/c-differences.md #3); its input names output num_outputs + 1 (#4).
                r -> one(r, TestTxs.SIGNING.claim(ALICE, 1, new Input(TxHashes.txid(fA), 2), false)));

        final Class<? extends ComplaintPacket> packet;
        // The builders are lambdas that capture nothing: stateless.
        @SuppressWarnings("ImmutableEnumChecker")
        final Function<ComplaintRig, Broken> build;

        Raised(Class<? extends ComplaintPacket> packet, Function<ComplaintRig, Broken> build) {
            this.packet = packet;
            this.build = build;
        }

        private static Broken one(ComplaintRig r, Tx bad) {
            return one(r, r.withRefs(r.b2, bad));
        }

        private static Broken one(ComplaintRig r, TxAndRefs bad) {
            return new Broken(ChainBuilder.placeByShard(List.of(r.withRefs(r.b2, innocent), bad)), List.of(bad.tx()));
        }
    }

    @ParameterizedTest
    @EnumSource(Raised.class)
    void aComplaintRaisedFromAPeersBlockReachesThatPeerAndInvalidatesTheBlockOnTheNextNode(Raised kind)
            throws Exception {
        try (ComplaintRig r = new ComplaintRig(dir, false);
                HostileClient h = ComplaintRig.ours(r.a);
                HostileClient h2 = ComplaintRig.ours(r.b);
                HostileClient c = ComplaintRig.cStyle(r.a)) {
            Broken broken = kind.build.apply(r);
            MinedBlock m3 = r.build(r.b2, broken.shards());
            MinedBlock m4 = r.build(r.node(m3));
            holdingB3AndB4(r, h, h2, m3, m4);

            for (Tx t : broken.bad()) {
                h.send(new TxInBlockPacket(proven(m3, t)));
            }
            ComplaintPacket told = h.next(ComplaintPacket.class, 10_000).orElseThrow();
            assertThat(told).as("the peer whose block it was hears why").isInstanceOf(kind.packet);

            assertThat(Await.await(WAIT, () -> invalid(r.b, m3))).isTrue();
            assertBlockAndDescendantFell(r, m3, m4, kind.packet);
            assertThat(h2.next(ComplaintPacket.class, 10_000))
                    .as("B relays what it received to its other peers")
                    .hasValueSatisfying(p -> assertThat(p).isInstanceOf(kind.packet));
            assertThat(c.upToChildrenOf(genesis(r)))
                    .as("a C node cannot parse a complaint carrying a proven tx")
                    .noneMatch(p -> p instanceof ComplaintPacket);
        }
    }

    /**
     * TX_INVALID, which nobody raises, crosses as a complaint a peer sends: A checks it, relays it to
     * everyone but its sender, and drops a second copy; a C peer gets it only without refs.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aReceivedComplaintIsRelayedOnceToEveryoneButItsSender(boolean withRefs) throws Exception {
        try (ComplaintRig r = new ComplaintRig(dir, false);
                HostileClient h = ComplaintRig.ours(r.a);
                HostileClient bystander = ComplaintRig.ours(r.a);
                HostileClient h2 = ComplaintRig.ours(r.b);
                HostileClient c = ComplaintRig.cStyle(r.a)) {
            Tx unsigned = withRefs
                    ? TestTxs.pay(ALICE, BOB, 500, 0, out(fA2, 0)).withSignature(Signature.ZERO)
                    : TestTxs.fund(ALICE, 999).withSignature(Signature.ZERO);
            TxAndRefs bad = r.withRefs(r.b2, unsigned);
            MinedBlock m3 = r.build(r.b2, r.withRefs(r.b2, innocent), bad);
            MinedBlock m4 = r.build(r.node(m3));
            holdingB3AndB4(r, h, h2, m3, m4);

            ComplainTxInvalidPacket complaint = new ComplainTxInvalidPacket(
                    ErrorCode.TX_BAD_SIG.code(),
                    proven(m3, unsigned).proof(),
                    Bytes.of(TxCodec.encode(unsigned)),
                    Bytes.of(TxCodec.encodeRefs(bad.refs())));
            h.send(complaint);

            assertThat(bystander.next(ComplainTxInvalidPacket.class, 10_000)).hasValue(complaint);
            assertThat(Await.await(WAIT, () -> invalid(r.b, m3))).isTrue();
            assertBlockAndDescendantFell(r, m3, m4, ComplainTxInvalidPacket.class);
            assertThat(h2.next(ComplainTxInvalidPacket.class, 10_000)).hasValue(complaint);
            assertThat(h.upToChildrenOf(genesis(r)))
                    .as("not echoed to its sender")
                    .noneMatch(p -> p instanceof ComplaintPacket);
            List<Packet> toC = c.upToChildrenOf(genesis(r));
            if (withRefs) {
                assertThat(toC)
                        .as("C refuses one with refs as INVALID_LEN")
                        .noneMatch(p -> p instanceof ComplaintPacket);
            } else {
                assertThat(toC).contains(complaint);
            }

            h.send(complaint);
            assertThat(h.upToChildrenOf(genesis(r)))
                    .as("a second copy is no fault")
                    .noneMatch(p -> p instanceof org.pettycoin.protocol.ErrPacket);
            assertThat(bystander.upToChildrenOf(genesis(r)))
                    .as("a complaint about a block that has one goes no further")
                    .noneMatch(p -> p instanceof ComplaintPacket);
        }
    }

    @Test
    void aBlockHeldInvalidIsAnsweredWithItsComplaintWhenSentAskedAboutOrBuiltOn() throws Exception {
        try (ComplaintRig r = new ComplaintRig(dir, false);
                HostileClient h = ComplaintRig.ours(r.a)) {
            r.sendCommonChain(h);
            Tx steal = TestTxs.pay(ALICE, BOB, 700, 0, out(fB, 0));
            MinedBlock m3 = r.build(r.b2, r.withRefs(r.b2, steal));
            MinedBlock m4 = r.build(r.node(m3));
            MinedBlock m5 = r.build(r.node(m4));
            sendBlockWith(h, m3, steal);
            ComplaintPacket complaint = h.next(ComplaintPacket.class, 10_000).orElseThrow();

            try (HostileClient peer = ComplaintRig.ours(r.a)) {
                peer.send(new BlockPacket(m3.block()));
                assertThat(peer.next(ComplaintPacket.class, 10_000)).as("BLOCK").hasValue(complaint);
                int shard = shardOf(steal);
                peer.send(new GetShardPacket(m3.id(), shard, 0));
                assertThat(peer.next(ComplaintPacket.class, 10_000))
                        .as("GET_SHARD")
                        .hasValue(complaint);
                peer.send(m3.shardPackets().stream()
                        .filter(s -> s.shard() == shard)
                        .findFirst()
                        .map(Packet.class::cast)
                        .orElseThrow());
                assertThat(peer.next(ComplaintPacket.class, 10_000)).as("SHARD").hasValue(complaint);
                peer.send(new BlockPacket(m4.block()));
                assertThat(peer.next(ComplaintPacket.class, 10_000))
                        .as("a child")
                        .hasValue(complaint);
                peer.send(new BlockPacket(m5.block()));
                assertThat(peer.next(ComplaintPacket.class, 10_000))
                        .as("a grandchild")
                        .hasValue(complaint);
                assertThat(invalid(r.a, m5)).isTrue();
                assertThat(peer.upToChildrenOf(genesis(r)))
                        .noneMatch(p -> p instanceof org.pettycoin.protocol.ErrPacket);
            }
        }
    }

    /** One forgery of each family: the sender gets ERR and is hung up on, and nothing changes. */
    @ParameterizedTest
    @ValueSource(strings = {"proof that does not check", "double spend of one slot", "misorder in order"})
    void aForgedComplaintCostsTheSenderAndChangesNothing(String forgery) throws Exception {
        try (ComplaintRig r = new ComplaintRig(dir, false);
                HostileClient h = ComplaintRig.ours(r.a)) {
            r.sendCommonChain(h);
            Hash256 b2 = r.b2.id();
            Await.until(
                    "A and B hold b2 in full",
                    WAIT,
                    () -> TestNodes.bestId(r.a).equals(b2)
                            && TestNodes.bestId(r.b).equals(b2));
            TxWithProof s1 = proven(r.mined(r.b2), spend1);
            ComplaintPacket forged = switch (forgery) {
                case "proof that does not check" -> {
                    Tx steal = TestTxs.pay(ALICE, BOB, 700, 0, out(fB, 0));
                    yield new ComplainTxBadInputPacket(0, new TxWithProof(s1.proof(), steal, s1.refs()), fB);
                }
                case "double spend of one slot" -> new ComplainDoublespendPacket(0, 0, s1, s1);
                default -> {
                    MinedBlock m1 = r.mined(r.b1);
                    TxWithProof x = proven(m1, fA);
                    TxWithProof y = proven(m1, fA2);
                    int xo = x.proof().position().txoff();
                    int yo = y.proof().position().txoff();
                    yield xo < yo ? new ComplainTxMisorderPacket(x, y) : new ComplainTxMisorderPacket(y, x);
                }
            };
            int pendingBefore = r.a.call(() -> r.a.state().pending().size());
            try (HostileClient forger = ComplaintRig.ours(r.a)) {
                forger.send(forged);
                assertThat(forger.errorCode(10_000)).as("ERR").isPresent();
                assertThat(forger.closedWithin(10_000)).as("hung up on").isTrue();
            }
            for (var n : List.of(r.a, r.b)) {
                assertThat(TestNodes.bestId(n)).isEqualTo(b2);
                assertThat(longestChainHead(n)).isEqualTo(b2);
                assertThat(invalid(n, r.mined(r.b1)) || invalid(n, r.mined(r.b2)))
                        .isFalse();
            }
            assertThat(r.a.call(() -> r.a.state().pending().size())).isEqualTo(pendingBefore);
            assertThat(h.upToChildrenOf(genesis(r))).noneMatch(p -> p instanceof ComplaintPacket);
        }
    }

    /**
     * What an honest C node sends, a complaint it raised (laid out as complain.c complain_bad_input
     * does) and a TX_DOUBLESPEND (as peer.c tell_peer_about_doublespend: the tx it refused first), is
     * acted on, and the C node stays connected.
     */
    @Test
    void anHonestCNodesComplaintAndDoublespendNoticeAreTakenAndItStays() throws Exception {
        try (ComplaintRig r = new ComplaintRig(dir, false);
                HostileClient c = ComplaintRig.cStyle(r.a);
                HostileClient h = ComplaintRig.ours(r.a)) {
            r.sendCommonChain(c);
            Tx steal = TestTxs.pay(ALICE, BOB, 700, 0, out(fB, 0));
            MinedBlock m3 = r.build(r.b2, r.withRefs(r.b2, innocent), r.withRefs(r.b2, steal));
            sendBlockWith(c, m3, innocent);
            Await.until("A holds b3's innocent tx", WAIT, () -> holdsFull(r.a, m3, innocent));

            c.send(new ComplainTxBadInputPacket(0, proven(m3, steal), fB));
            assertThat(Await.await(WAIT, () -> invalid(r.a, m3))).isTrue();
            assertThat(h.next(ComplainTxBadInputPacket.class, 10_000))
                    .as("relayed to one of ours")
                    .isPresent();

            Tx spend2 = TestTxs.pay(ALICE, CAROL, 1000, 0, out(fA, 0));
            c.send(new org.pettycoin.protocol.TxDoublespendPacket(0, 0, spend2, spend1));
            assertThat(c.upToChildrenOf(genesis(r)))
                    .as("still connected, no ERR, and nothing it cannot parse")
                    .noneMatch(p -> p instanceof org.pettycoin.protocol.ErrPacket || p instanceof ComplaintPacket);
            assertThat(pending(r.a, spend2)).isFalse();
            assertThat(invalid(r.a, r.mined(r.b2)))
                    .as("spend2 is in no block: nothing to complain of")
                    .isFalse();
        }
    }

    /**
     * C raises a double spend of one slot when it takes a tx for its own other spend
     * (docs/c-differences.md #18): from a C node it is refused and changes nothing, but the node stays.
     */
    @Test
    void aCNodesDoubleSpendOfOneSlotIsRefusedButTheNodeStays() throws Exception {
        try (ComplaintRig r = new ComplaintRig(dir, false);
                HostileClient c = ComplaintRig.cStyle(r.a)) {
            r.sendCommonChain(c);
            Await.until("A holds b2 in full", WAIT, () -> TestNodes.bestId(r.a).equals(r.b2.id()));
            TxWithProof s1 = proven(r.mined(r.b2), spend1);
            c.send(new ComplainDoublespendPacket(0, 0, s1, s1));
            assertThat(c.upToChildrenOf(genesis(r))).noneMatch(p -> p instanceof org.pettycoin.protocol.ErrPacket);
            assertThat(invalid(r.a, r.mined(r.b2))).isFalse();
            assertThat(TestNodes.bestId(r.a)).isEqualTo(r.b2.id());
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A and B both hold b1, b2 and the innocent tx of b3 (from H and H2), and b4 on top: B's longest chain. */
    static void holdingB3AndB4(ComplaintRig r, HostileClient h, HostileClient h2, MinedBlock m3, MinedBlock m4)
            throws Exception {
        for (HostileClient peer : List.of(h, h2)) {
            r.sendCommonChain(peer);
            sendBlockWith(peer, m3, innocent);
            peer.send(new BlockPacket(m4.block()));
        }
        Await.until(
                "A and B hold b3's innocent tx and b4",
                WAIT,
                () -> holdsFull(r.a, m3, innocent) && holdsFull(r.b, m3, innocent) && holds(r.a, m4) && holds(r.b, m4));
        assertThat(longestChainHead(r.b)).isEqualTo(m4.id());
    }

    static void assertBlockAndDescendantFell(
            ComplaintRig r, MinedBlock m3, MinedBlock m4, Class<? extends ComplaintPacket> kind) throws Exception {
        for (var n : List.of(r.a, r.b)) {
            assertThat(Await.await(WAIT, () -> invalid(n, m3))).isTrue();
            assertThat(invalid(n, m4)).as("descendant").isTrue();
            assertThat(complaintClassOf(n, m3)).isEqualTo(kind);
            assertThat(longestChainHead(n)).as("heads moved").isEqualTo(r.b2.id());
            assertThat(pending(n, innocent)).as("its valid tx is pending again").isTrue();
        }
    }

    static Hash256 genesis(ComplaintRig r) throws Exception {
        return r.a.call(() -> r.a.state().tree().genesis().id());
    }
}
