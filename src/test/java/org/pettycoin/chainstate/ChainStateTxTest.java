package org.pettycoin.chainstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestKeys.address;
import static org.pettycoin.testing.TestKeys.key;
import static org.pettycoin.testing.TestTxs.fund;
import static org.pettycoin.testing.TestTxs.out;
import static org.pettycoin.testing.TestTxs.pay;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.consensus.InputVerdict;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.mining.MinedBlock;
import org.pettycoin.mining.TxAndRefs;
import org.pettycoin.protocol.ComplainBadInputRefPacket;
import org.pettycoin.protocol.ComplainClaimInputInvalidPacket;
import org.pettycoin.protocol.ComplainDoublespendPacket;
import org.pettycoin.protocol.ComplainTxBadAmountPacket;
import org.pettycoin.protocol.ComplainTxBadInputPacket;
import org.pettycoin.protocol.ComplainTxMisorderPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxBadAmountPacket;
import org.pettycoin.protocol.TxBadInputPacket;
import org.pettycoin.protocol.TxDoublespendPacket;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.TxWithProof;
import org.pettycoin.testing.TestTxs;

/** Input resolution, double spends (within a block, across blocks, against pending) and the complaints they raise. */
class ChainStateTxTest {
    private static final PrivateKey ALICE = key(2);
    private static final PrivateKey BOB = key(3);
    private static final PrivateKey CAROL = key(4);

    private final NodeFixture f = new NodeFixture();
    private final FromGatewayTx funding = fund(ALICE, 1000);
    private BlockNode funded;

    private void fundAlice() {
        funded = f.mine(f.head(), funding);
        assertThat(f.head()).isEqualTo(funded);
    }

    private NormalTx aliceToBob(long send) {
        return pay(ALICE, address(BOB), send, 1000 - send, out(funding, 0));
    }

    private NormalTx aliceToCarol(long send) {
        return pay(ALICE, address(CAROL), send, 1000 - send, out(funding, 0));
    }

    /** The one complaint a block's contents raised, whichever packet raised it. */
    private static org.pettycoin.protocol.ComplaintPacket complaintIn(List<ContentResult> results) {
        List<ContentResult> raised = results.stream()
                .filter(r -> r.outcome() == ContentResult.Outcome.COMPLAINED)
                .toList();
        assertThat(raised).hasSize(1);
        return Results.complaint(raised.get(0));
    }

    private static ContentResult last(List<ContentResult> results) {
        return results.get(results.size() - 1);
    }

    @Test
    void aSpendGoesThroughPendingIntoTheNextBlock() throws Exception {
        fundAlice();
        NormalTx spend = aliceToBob(300);
        ChainState.TxSubmission s = f.state.submitTx(spend);
        assertThat(s.admission().status()).isEqualTo(PendingPool.Status.READY);
        PendingPool.Ready ready = f.state.pending().forNextBlock().stream()
                .flatMap(List::stream)
                .findFirst()
                .orElseThrow();
        org.pettycoin.consensus.TxSlot where = f.state
                .findInChain(funded, TxHashes.txid(funding))
                .orElseThrow()
                .slot();
        assertThat(ready.refs()).containsExactly(new InputRef(1, where.shard(), where.txoff()));
        assertThat(f.state.submitTx(spend).admission().status()).isEqualTo(PendingPool.Status.ALREADY_KNOWN);

        BlockNode b2 = f.builder.mine(f.head(), f.nextTime(f.head()), ChainBuilder.pendingContents(f.state.pending()));
        assertThat(f.head()).isEqualTo(b2);
        assertThat(f.state.pending().size()).isZero();
        assertThat(f.state.submitTx(spend).admission().status()).isEqualTo(PendingPool.Status.ALREADY_KNOWN);
        // Bob spends what he got in the block after.
        NormalTx onward = pay(BOB, address(CAROL), 300, 0, out(spend, 0));
        assertThat(f.state.submitTx(onward).admission().status()).isEqualTo(PendingPool.Status.READY);
    }

    @Test
    void aDoubleSpendAgainstPendingIsRefusedWithTheConflictNotACrash() throws Exception {
        fundAlice();
        NormalTx first = aliceToBob(300);
        NormalTx second = aliceToCarol(300);
        assertThat(f.state.submitTx(first).admission().status()).isEqualTo(PendingPool.Status.READY);
        ChainState.TxSubmission s = f.state.submitTx(second);
        assertThat(s.admission().status()).isEqualTo(PendingPool.Status.REFUSED);
        assertThat(s.admission().verdict().kind()).isEqualTo(InputVerdict.Kind.DOUBLESPEND);
        assertThat(s.reply()).contains(new TxDoublespendPacket(0, 0, first, second));
        assertThat(f.state.pending().size()).isEqualTo(1);
    }

    @Test
    void aDoubleSpendOfAnOutputSpentInTheChainIsRefusedFromPending() throws Exception {
        fundAlice();
        NormalTx first = aliceToBob(300);
        BlockNode b2 = f.mine(f.head(), first);
        assertThat(f.head()).isEqualTo(b2);
        ChainState.TxSubmission s = f.state.submitTx(aliceToCarol(300));
        assertThat(s.admission().verdict().kind()).isEqualTo(InputVerdict.Kind.DOUBLESPEND);
        assertThat(s.reply()).contains(new TxDoublespendPacket(0, 0, first, aliceToCarol(300)));
    }

    @Test
    void aDoubleSpendAcrossBlocksInvalidatesTheLaterBlock() {
        fundAlice();
        BlockNode b2 = f.mine(f.head(), aliceToBob(300));
        MinedBlock b3 = f.build(b2, aliceToCarol(300));
        List<ContentResult> results = f.feed(b3);
        ContentResult r = last(results);
        assertThat(r.outcome()).isEqualTo(ContentResult.Outcome.COMPLAINED);
        ComplainDoublespendPacket c = (ComplainDoublespendPacket) Results.complaint(r);
        assertThat(c.tx1().tx()).isEqualTo(aliceToBob(300));
        assertThat(c.tx2().tx()).isEqualTo(aliceToCarol(300));
        assertThat(c.tx2().proof().position().block()).isEqualTo(b3.id());
        BlockNode n3 = f.state.tree().find(b3.id()).orElseThrow();
        assertThat(n3.invalid()).isTrue();
        assertThat(f.state.complaintOf(n3)).contains(c);
        assertThat(f.state.tree().heads().longestChains()).containsOnly(b2);
        assertThat(f.head()).isEqualTo(b2);
        // A child of the invalid block inherits the complaint and is never chosen.
        MinedBlock b4 = f.builder.build(n3, f.nextTime(n3), ChainBuilder.placeByShard(List.of()));
        f.state.receiveBlock(b4.block());
        BlockNode n4 = f.state.tree().find(b4.id()).orElseThrow();
        assertThat(n4.invalid()).isTrue();
        assertThat(f.state.complaintOf(n4)).contains(c);
        assertThat(f.head()).isEqualTo(b2);
        assertThat(f.state.receiveShard(b3.shardPackets().get(0)).outcome())
                .isEqualTo(ContentResult.Outcome.BLOCK_INVALID);
        assertThat(f.events).contains("invalid 3 PROTOCOL_PKT_COMPLAIN_DOUBLESPEND");
    }

    @Test
    void aDoubleSpendLearntOutOfOrderBlamesTheLaterBlock() {
        fundAlice();
        MinedBlock b2 = f.build(funded, aliceToBob(300));
        f.state.receiveBlock(b2.block());
        BlockNode n2 = f.state.tree().find(b2.id()).orElseThrow();
        // b3's miner did not know b2's tx; we learn b3's tx first.
        org.pettycoin.consensus.TxSlot where = f.state
                .findInChain(funded, TxHashes.txid(funding))
                .orElseThrow()
                .slot();
        MinedBlock b3 = f.builder.build(
                n2,
                f.nextTime(n2),
                ChainBuilder.placeByShard(List.of(
                        new TxAndRefs(aliceToCarol(300), List.of(new InputRef(2, where.shard(), where.txoff()))))));
        f.state.receiveBlock(b3.block());
        assertThat(f.state.receiveTxInBlock(b3.provenTxs().get(0)).outcome()).isEqualTo(ContentResult.Outcome.STORED);
        ContentResult r = f.state.receiveTxInBlock(b2.provenTxs().get(0));
        assertThat(r.outcome()).isEqualTo(ContentResult.Outcome.COMPLAINED);
        assertThat(f.state.tree().find(b3.id()).orElseThrow().invalid()).isTrue();
        assertThat(n2.invalid()).isFalse();
        assertThat(f.state.txAt(n2, b2.provenTxs().get(0).proof().position().shard(), 0))
                .contains(aliceToBob(300));
        assertThat(f.head()).isEqualTo(n2);
    }

    @Test
    void aDoubleSpendWithinOneBlockInvalidatesIt() {
        fundAlice();
        MinedBlock b2 = f.build(funded, aliceToBob(300), aliceToCarol(300));
        List<ContentResult> results = f.feed(b2);
        assertThat(results).extracting(ContentResult::outcome).contains(ContentResult.Outcome.COMPLAINED);
        assertThat(f.state.tree().find(b2.id()).orElseThrow().invalid()).isTrue();
        assertThat(f.head()).isEqualTo(funded);
    }

    @Test
    void theSameTxTwiceInAChainIsADoubleSpendOfItsOwnInputs() {
        fundAlice();
        BlockNode b2 = f.mine(funded, aliceToBob(300));
        MinedBlock again = f.builder.build(
                b2,
                f.nextTime(b2),
                ChainBuilder.placeByShard(List.of(new TxAndRefs(
                        aliceToBob(300),
                        f.refsFor(funded, aliceToBob(300)).stream()
                                .map(r -> new InputRef(r.blocksAgo() + 1, r.shard(), r.txoff()))
                                .toList()))));
        assertThat(complaintIn(f.feed(again))).isInstanceOf(ComplainDoublespendPacket.class);
        assertThat(f.head()).isEqualTo(b2);
    }

    @Test
    void spendingSomeoneElsesOutputIsABadInput() throws Exception {
        fundAlice();
        NormalTx theft = pay(BOB, address(BOB), 1000, 0, out(funding, 0));
        ChainState.TxSubmission s = f.state.submitTx(theft);
        assertThat(s.admission().verdict().kind()).isEqualTo(InputVerdict.Kind.BAD);
        assertThat(s.reply()).contains(new TxBadInputPacket(0, theft, funding));
        assertThat(complaintIn(f.feed(f.build(funded, theft)))).isInstanceOf(ComplainTxBadInputPacket.class);
        assertThat(f.head()).isEqualTo(funded);
    }

    @Test
    void inputsThatDoNotAddUpAreABadAmount() throws Exception {
        fundAlice();
        NormalTx greedy = pay(ALICE, address(BOB), 900, 200, out(funding, 0));
        ChainState.TxSubmission s = f.state.submitTx(greedy);
        assertThat(s.admission().verdict().kind()).isEqualTo(InputVerdict.Kind.BAD_AMOUNT);
        assertThat(s.reply()).contains(new TxBadAmountPacket(greedy, List.of(funding)));
        assertThat(complaintIn(f.feed(f.build(funded, greedy)))).isInstanceOf(ComplainTxBadAmountPacket.class);
    }

    @Test
    void aRefToAnotherTxIsABadInputRef() {
        fundAlice();
        FromGatewayTx other = fund(CAROL, 5);
        BlockNode b2 = f.mine(funded, other);
        NormalTx spend = aliceToBob(300);
        InputRef toOther = new InputRef(
                1,
                f.state
                        .findInChain(b2, TxHashes.txid(other))
                        .orElseThrow()
                        .slot()
                        .shard(),
                0);
        MinedBlock b3 = f.builder.build(
                b2, f.nextTime(b2), ChainBuilder.placeByShard(List.of(new TxAndRefs(spend, List.of(toOther)))));
        assertThat(complaintIn(f.feed(b3))).isInstanceOf(ComplainBadInputRefPacket.class);
        assertThat(f.head()).isEqualTo(b2);
    }

    @Test
    void txsOutOfCanonicalOrderAreAMisorder() {
        NodeFixture g = new NodeFixture();
        List<TxAndRefs> txs = g.withRefs(g.head(), fund(ALICE, 1), fund(ALICE, 2));
        List<List<TxAndRefs>> shards = ChainBuilder.placeByShard(txs);
        List<TxAndRefs> shard =
                shards.stream().filter(s -> s.size() == 2).findFirst().orElseThrow();
        List<List<TxAndRefs>> reversed = new java.util.ArrayList<>(shards);
        reversed.set(shards.indexOf(shard), List.of(shard.get(1), shard.get(0)));
        MinedBlock bad = g.builder.build(g.head(), g.nextTime(g.head()), reversed);
        g.state.receiveBlock(bad.block());
        List<TxWithProof> proven = bad.provenTxs();
        assertThat(g.state.receiveTxInBlock(proven.get(0)).outcome()).isEqualTo(ContentResult.Outcome.STORED);
        ContentResult r = g.state.receiveTxInBlock(proven.get(1));
        ComplainTxMisorderPacket c = (ComplainTxMisorderPacket) Results.complaint(r);
        assertThat(c.tx1()).isEqualTo(proven.get(1));
        assertThat(c.tx2().tx()).isEqualTo(proven.get(0).tx());
    }

    @Test
    void aClaimWhoseRewardTxResolvesIsAlwaysBadAsInC() throws Exception {
        fundAlice();
        Tx claim = TestTxs.SIGNING.claim(ALICE, 1, new org.pettycoin.protocol.Input(TxHashes.txid(funding), 2), false);
        ChainState.TxSubmission s = f.state.submitTx(claim);
        assertThat(s.admission().verdict().kind()).isEqualTo(InputVerdict.Kind.CLAIM_BAD);
        assertThat(s.reply()).containsInstanceOf(TxInBlockPacket.class);
        assertThat(complaintIn(f.feed(f.build(funded, claim)))).isInstanceOf(ComplainClaimInputInvalidPacket.class);
    }

    @Test
    void aTxWithUnknownInputsWaitsAndBecomesReadyWhenTheInputArrives() throws Exception {
        fundAlice();
        FromGatewayTx later = fund(BOB, 70);
        NormalTx spend = pay(BOB, address(CAROL), 70, 0, out(later, 0));
        ChainState.TxSubmission s = f.state.submitTx(spend);
        assertThat(s.admission().status()).isEqualTo(PendingPool.Status.WAITING);
        assertThat(s.wantedTxs()).containsExactly(TxHashes.txid(later));
        f.mine(f.head(), later);
        assertThat(f.state.pending().forNextBlock().stream()
                        .flatMap(List::stream)
                        .map(PendingPool.Ready::tx))
                .containsExactly(spend);
    }

    @Test
    void badTxsAreRefusedBeforeThePool() {
        fundAlice();
        NormalTx spend = aliceToBob(300);
        NormalTx forged = spend.withSignature(aliceToBob(301).signature());
        try {
            f.state.submitTx(forged);
            org.assertj.core.api.Assertions.fail("accepted a bad signature");
        } catch (ProtocolException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.TX_BAD_SIG);
        }
        assertThat(f.state.pending().size()).isZero();
    }

    @Test
    void txsOfAnAbandonedBranchReturnToPending() {
        fundAlice();
        NormalTx spend = aliceToBob(300);
        BlockNode a2 = f.mine(funded, spend);
        assertThat(f.head()).isEqualTo(a2);
        // A heavier branch from the funding block that never saw the spend.
        BlockNode b3 = f.builder.extend(funded, 2);
        assertThat(f.head()).isEqualTo(b3);
        assertThat(f.state.pending().forNextBlock().stream()
                        .flatMap(List::stream)
                        .map(PendingPool.Ready::tx))
                .containsExactly(spend);
    }

    @Test
    void aPeersComplaintInvalidatesABlockWeCouldNotJudge() {
        fundAlice();
        BlockNode b2 = f.mine(funded, aliceToBob(300));
        MinedBlock b3 = f.build(b2, aliceToCarol(300));
        org.pettycoin.protocol.ComplaintPacket c = complaintIn(f.feed(b3));

        // Another node saw b2 only as a header, so it took b3's spend as fine.
        NodeFixture g = new NodeFixture();
        g.clock.setUnixSeconds(f.clock.unixSeconds());
        g.feed(f.builder.builtWithContents().get(0));
        MinedBlock b2Contents = f.builder.builtWithContents().get(1);
        g.state.receiveBlock(b2Contents.block());
        g.feed(b3);
        BlockNode g3 = g.state.tree().find(b3.id()).orElseThrow();
        assertThat(g3.invalid()).isFalse();

        ComplainDoublespendPacket forged = new ComplainDoublespendPacket(
                0, 0, ((ComplainDoublespendPacket) c).tx2(), ((ComplainDoublespendPacket) c).tx1());
        assertThat(Results.refusal(g.state.receiveComplaint(forged))).isEqualTo(ErrorCode.BAD_DOUBLESPEND_BLOCKS);
        ContentResult r = g.input.receiveComplaint(c, Origin.LOCAL);
        assertThat(r.outcome()).isEqualTo(ContentResult.Outcome.COMPLAINED);
        assertThat(g3.invalid()).isTrue();
        assertThat(g.events).contains("invalid 3 PROTOCOL_PKT_COMPLAIN_DOUBLESPEND");
        // The same complaint again changes nothing and is not broadcast twice.
        assertThat(g.state.receiveComplaint(c).outcome()).isEqualTo(ContentResult.Outcome.ALREADY_KNOWN);

        NodeFixture empty = new NodeFixture();
        assertThat(empty.state.receiveComplaint(c).outcome()).isEqualTo(ContentResult.Outcome.UNKNOWN_BLOCK);
    }

    @Test
    void aDoublespendNoticeDropsBothTxsFromPending() throws Exception {
        fundAlice();
        NormalTx first = aliceToBob(300);
        f.state.submitTx(first);
        org.pettycoin.consensus.TxNotice notice = new org.pettycoin.consensus.TxNoticeChecks(
                        new org.pettycoin.consensus.TxChecks())
                .checkDoublespend(new TxDoublespendPacket(0, 0, first, aliceToCarol(300)));
        assertThat(f.state.receiveTxNotice(notice).outcome()).isEqualTo(ContentResult.Outcome.ALREADY_KNOWN);
        assertThat(f.state.pending().size()).isZero();
    }
}
