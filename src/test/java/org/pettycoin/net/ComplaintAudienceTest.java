package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.net.ComplaintRig.ALICE;
import static org.pettycoin.net.ComplaintRig.BOB;
import static org.pettycoin.net.ComplaintRig.fA;
import static org.pettycoin.net.ComplaintRig.fA2;
import static org.pettycoin.net.ComplaintRig.fB;
import static org.pettycoin.net.ComplaintRig.out;
import static org.pettycoin.net.ComplaintRig.spend1;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pettycoin.consensus.MerkleTree;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.ComplainBadInputRefPacket;
import org.pettycoin.protocol.ComplainClaimInputInvalidPacket;
import org.pettycoin.protocol.ComplainDoublespendPacket;
import org.pettycoin.protocol.ComplainTxBadAmountPacket;
import org.pettycoin.protocol.ComplainTxBadInputPacket;
import org.pettycoin.protocol.ComplainTxInvalidPacket;
import org.pettycoin.protocol.ComplainTxMisorderPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxBadAmountPacket;
import org.pettycoin.protocol.TxBadInputPacket;
import org.pettycoin.protocol.TxDoublespendPacket;
import org.pettycoin.protocol.TxRefHash;
import org.pettycoin.protocol.TxWithProof;
import org.pettycoin.protocol.WelcomePacket;
import org.pettycoin.testing.TestKeys;
import org.pettycoin.testing.TestTxs;

/**
 * Which complaints and notices each kind of peer is sent (docs/c-differences.md #53), packet by
 * packet; {@code ComplaintsOverTheWireTest} and {@code TxNoticesOverTheWireTest} show it on the wire.
 */
class ComplaintAudienceTest {
    private static final Hash256 BLOCK = Hash256.fromHex("0f".repeat(32));

    private static TxWithProof proven(Tx tx) {
        return proven(tx, 0);
    }

    /** {@code tx} at {@code txoff} of shard 0 of a block that holds it in every slot up to there. */
    private static TxWithProof proven(Tx tx, int txoff) {
        List<InputRef> refs =
                tx.inputs().stream().map(i -> new InputRef(1, 0, 0)).toList();
        List<TxRefHash> leaves = Collections.nCopies(txoff + 1, TxHashes.txRefHash(tx, refs));
        return new TxWithProof(MerkleTree.proof(BLOCK, 0, leaves, txoff), tx, refs);
    }

    private static final Tx STEAL = TestTxs.pay(ALICE, BOB, 700, 0, out(fB, 0));
    private static final Tx SHORT = TestTxs.pay(ALICE, BOB, 400, 0, out(fA2, 0));
    private static final Tx OWES_FEE =
            TestTxs.SIGNING.normal(ALICE, TestKeys.address(BOB), 300, 200, List.of(out(fA2, 0)), true);

    /** One of each complaint kind (24–30) and the honest notices, as our node builds them. */
    private static final List<Packet> EVERY_KIND = List.of(
            new ComplainTxMisorderPacket(proven(fA), proven(fA2)),
            new ComplainTxInvalidPacket(
                    ErrorCode.TX_BAD_SIG.code(), proven(fA).proof(), Bytes.of(new byte[] {1}), Bytes.EMPTY),
            new ComplainTxBadInputPacket(0, proven(STEAL), fB),
            new ComplainDoublespendPacket(
                    0, 0, proven(spend1), proven(TestTxs.pay(ALICE, BOB, 1000, 0, out(fA, 0)), 1)),
            new ComplainBadInputRefPacket(0, proven(spend1), proven(fA2)),
            new ComplainTxBadAmountPacket(proven(SHORT), List.of(fA2)),
            new ComplainClaimInputInvalidPacket(
                    proven(TestTxs.SIGNING.claim(
                            ALICE, 1, new org.pettycoin.protocol.Input(TxHashes.txid(fA), 2), false)),
                    proven(fA)),
            new TxBadInputPacket(0, STEAL, fB),
            new TxBadAmountPacket(SHORT, List.of(fA2)),
            new TxBadAmountPacket(OWES_FEE, List.of(fA2)),
            new TxDoublespendPacket(0, 0, spend1, TestTxs.pay(ALICE, BOB, 1000, 0, out(fA, 0))));

    @Test
    void ourMonikerMakesAPeerOursAndAnyOtherIsTakenForC() throws Exception {
        assertThat(ComplaintAudience.of(ComplaintRig.capturedCWelcome())).isEqualTo(ComplaintAudience.C_NODE);
        WelcomePacket ours = new WelcomePacket(
                1,
                WelcomePacket.moniker(Handshake.MONIKER),
                0,
                HostileClient.randomUuid(),
                ComplaintRig.capturedCWelcome().you(),
                WelcomePacket.ALL_INTERESTS,
                Optional.empty());
        assertThat(ComplaintAudience.of(ours)).isEqualTo(ComplaintAudience.OURS);
        WelcomePacket other = HostileClient.welcomePacket(
                HostileClient.randomUuid(), 1, WelcomePacket.ALL_INTERESTS, Optional.empty());
        assertThat(ComplaintAudience.of(other)).as("an unknown implementation").isEqualTo(ComplaintAudience.C_NODE);
    }

    @Test
    void oneOfOursIsSentEveryKind() {
        assertThat(EVERY_KIND).allMatch(ComplaintAudience.OURS::accepts);
    }

    @Test
    void aCNodeIsSentOnlyWhatItParsesAndTakes() {
        assertThat(EVERY_KIND.stream().filter(ComplaintAudience.C_NODE::accepts))
                .containsExactly(EVERY_KIND.get(1), EVERY_KIND.get(7), EVERY_KIND.get(8));
        ComplainTxInvalidPacket withRefs = new ComplainTxInvalidPacket(
                ErrorCode.TX_BAD_SIG.code(), proven(fA).proof(), Bytes.of(new byte[] {1}), Bytes.of(new byte[8]));
        assertThat(ComplaintAudience.C_NODE.accepts(withRefs)).isFalse();
    }

    @Test
    void onlyACNodesDoubleSpendOfOneSlotIsTakenForAMistake() {
        ComplainDoublespendPacket oneSlot = new ComplainDoublespendPacket(0, 0, proven(spend1), proven(spend1));
        assertThat(ComplaintAudience.C_NODE.mistakeOfAnHonestNode(oneSlot)).isTrue();
        assertThat(ComplaintAudience.OURS.mistakeOfAnHonestNode(oneSlot))
                .as("we never raise one")
                .isFalse();
        assertThat(ComplaintAudience.C_NODE.mistakeOfAnHonestNode((ComplainDoublespendPacket) EVERY_KIND.get(3)))
                .isFalse();
    }
}
