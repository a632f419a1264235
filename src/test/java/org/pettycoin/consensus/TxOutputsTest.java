package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pettycoin.consensus.TxOutputs.Output;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.crypto.Secp256k1;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.PublicKey;
import org.pettycoin.protocol.Signature;
import org.pettycoin.protocol.ToGatewayTx;

/** find_output, num_outputs and check_simple_input (C's tx.c, check_tx.c). Signatures play no part here. */
class TxOutputsTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PublicKey ALICE_KEY = Secp256k1.get().publicKeyOf(PrivateKey.random(RANDOM));
    private static final PublicKey BOB_KEY = Secp256k1.get().publicKeyOf(PrivateKey.random(RANDOM));
    private static final Address ALICE = Hash160.addressOf(ALICE_KEY);
    private static final Address BOB = Hash160.addressOf(BOB_KEY);
    private static final Address CAROL = Address.fromHex("c0ffee0000000000000000000000000000000000");
    private static final List<Input> ONE_INPUT = List.of(new Input(Hash256.fromHex("11".repeat(32)), 0));

    private static NormalTx normal(PublicKey from, Address to, long send, long change) {
        return new NormalTx(true, 0, from, to, send, change, Signature.ZERO, ONE_INPUT);
    }

    private static FromGatewayTx fromGateway(GatewayPayment... outs) {
        return new FromGatewayTx(true, 0, BOB_KEY, 0, Signature.ZERO, List.of(outs));
    }

    private static final ClaimTx CLAIM =
            new ClaimTx(false, 0, ALICE_KEY, 77, new Input(Hash256.ZERO, 3), Signature.ZERO);
    private static final ToGatewayTx TO_GATEWAY =
            new ToGatewayTx(true, 0, ALICE_KEY, CAROL, 10, 5, Signature.ZERO, ONE_INPUT);

    @Test
    void numOutputsPerKind() {
        assertThat(TxOutputs.numOutputs(normal(ALICE_KEY, BOB, 1, 2))).isEqualTo(2);
        assertThat(TxOutputs.numOutputs(fromGateway())).isZero();
        assertThat(TxOutputs.numOutputs(fromGateway(
                        new GatewayPayment(1, ALICE), new GatewayPayment(2, BOB), new GatewayPayment(3, CAROL))))
                .isEqualTo(3);
        assertThat(TxOutputs.numOutputs(TO_GATEWAY)).isZero();
        assertThat(TxOutputs.numOutputs(CLAIM)).isEqualTo(1);
    }

    @Test
    void normalPaysTheSendThenTheChangeBackToTheSender() {
        NormalTx tx = normal(ALICE_KEY, BOB, 500, 498);
        assertThat(TxOutputs.findOutput(tx, 0)).contains(new Output(BOB, 500));
        assertThat(TxOutputs.findOutput(tx, 1)).contains(new Output(ALICE, 498));
        assertThat(TxOutputs.findOutput(tx, 2)).isEmpty();
        assertThat(TxOutputs.findOutput(tx, 0xffff)).isEmpty();
    }

    @Test
    void fromGatewayOutputsStopAtNumOutputsUnlikeC() {
        FromGatewayTx tx = fromGateway(new GatewayPayment(100, ALICE), new GatewayPayment(200, CAROL));
        assertThat(TxOutputs.findOutput(tx, 0)).contains(new Output(ALICE, 100));
        assertThat(TxOutputs.findOutput(tx, 1)).contains(new Output(CAROL, 200));
        // C's bound is k > num_outputs, so it would read a third output past the end here.
        assertThat(TxOutputs.findOutput(tx, 2)).isEmpty();
        assertThat(TxOutputs.findOutput(tx, 3)).isEmpty();
        assertThat(TxOutputs.findOutput(fromGateway(), 0)).isEmpty();
    }

    @Test
    void claimPaysItsClaimerAndToGatewayPaysNothingSpendable() {
        assertThat(TxOutputs.findOutput(CLAIM, 0)).contains(new Output(ALICE, 77));
        assertThat(TxOutputs.findOutput(CLAIM, 1)).isEmpty();
        assertThat(TxOutputs.findOutput(CLAIM, 4))
                .as("the claim's own pseudo-output is not spendable")
                .isEmpty();
        for (int k = 0; k < 3; k++) {
            assertThat(TxOutputs.findOutput(TO_GATEWAY, k)).isEmpty();
        }
    }

    @Test
    void anInputMustHaveBeenPaidToTheSpendersOwnAddress() {
        NormalTx aliceToBob = normal(ALICE_KEY, BOB, 500, 498);
        NormalTx bobSpends = normal(BOB_KEY, CAROL, 1, 0);
        NormalTx aliceSpends = normal(ALICE_KEY, CAROL, 1, 0);
        assertThat(TxOutputs.checkSimpleInput(bobSpends, aliceToBob, 0)).contains(new Output(BOB, 500));
        assertThat(TxOutputs.checkSimpleInput(aliceSpends, aliceToBob, 1)).contains(new Output(ALICE, 498));
        assertThat(TxOutputs.checkSimpleInput(bobSpends, aliceToBob, 1))
                .as("Alice's change")
                .isEmpty();
        assertThat(TxOutputs.checkSimpleInput(aliceSpends, aliceToBob, 0))
                .as("Bob's payment")
                .isEmpty();
        assertThat(TxOutputs.checkSimpleInput(bobSpends, aliceToBob, 2)).isEmpty();
    }

    @Test
    void simpleInputsFromEachKind() {
        FromGatewayTx gw = fromGateway(new GatewayPayment(100, CAROL), new GatewayPayment(200, ALICE));
        ToGatewayTx aliceOut = new ToGatewayTx(true, 0, ALICE_KEY, CAROL, 1, 0, Signature.ZERO, ONE_INPUT);
        assertThat(TxOutputs.checkSimpleInput(aliceOut, gw, 1)).contains(new Output(ALICE, 200));
        assertThat(TxOutputs.checkSimpleInput(aliceOut, gw, 0)).isEmpty();
        assertThat(TxOutputs.checkSimpleInput(aliceOut, gw, 2))
                .as("C's off-by-one read")
                .isEmpty();
        assertThat(TxOutputs.checkSimpleInput(aliceOut, CLAIM, 0)).contains(new Output(ALICE, 77));
        assertThat(TxOutputs.checkSimpleInput(aliceOut, TO_GATEWAY, 0)).isEmpty();
    }
}
