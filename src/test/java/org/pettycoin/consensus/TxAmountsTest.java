package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.PublicKey;
import org.pettycoin.protocol.Signature;
import org.pettycoin.protocol.ToGatewayTx;
import org.pettycoin.protocol.Tx;

/** Fees and the balance rule of C's tx.c and check_tx.c correct_amount, with the C node's u32 arithmetic. */
class TxAmountsTest {
    private static final PublicKey KEY =
            PublicKey.fromHex("02" + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
    private static final Address TO = Address.fromHex("3a00000000000000000000000000000000000001");
    private static final List<Input> ONE_INPUT = List.of(new Input(Hash256.fromHex("11".repeat(32)), 0));

    private static NormalTx normal(long send, long change, boolean fee) {
        return new NormalTx(fee, 0, KEY, TO, send, change, Signature.ZERO, ONE_INPUT);
    }

    private static FromGatewayTx fromGateway(long... amounts) {
        return new FromGatewayTx(
                true,
                0,
                KEY,
                0,
                Signature.ZERO,
                Arrays.stream(amounts).mapToObj(a -> new GatewayPayment(a, TO)).toList());
    }

    @Test
    void feeFormulaExamples() {
        assertThat(Protocol.fee(0)).isEqualTo(1);
        assertThat(Protocol.fee(500)).isEqualTo(2);
        assertThat(Protocol.fee(1000)).isEqualTo(3);
    }

    @Test
    void theDoublespendTestsExample() {
        // run-10-doublespend.c: input 1000, send 500 with the fee bit, so change must be 498.
        assertThat(TxAmounts.correctAmount(normal(500, 498, true), 1000)).isTrue();
        assertThat(TxAmounts.correctAmount(normal(500, 499, true), 1000)).isFalse();
        assertThat(TxAmounts.correctAmount(normal(500, 497, true), 1000))
                .as("no slack for the miner")
                .isFalse();
        assertThat(TxAmounts.correctAmount(normal(500, 500, false), 1000)).isTrue();
        assertThat(TxAmounts.fee(normal(500, 498, true))).isEqualTo(2);
        assertThat(TxAmounts.fee(normal(500, 498, false))).isZero();
    }

    @Test
    void theFeeIsOnTheSendNotTheChange() {
        NormalTx tx = normal(0, 1000, true);
        assertThat(TxAmounts.amountForFee(tx)).isZero();
        assertThat(TxAmounts.amountSent(tx)).isEqualTo(1000);
        assertThat(TxAmounts.correctAmount(tx, 1001)).isTrue();
        ToGatewayTx out = new ToGatewayTx(true, 0, KEY, TO, 1000, 24, Signature.ZERO, ONE_INPUT);
        assertThat(TxAmounts.amountForFee(out)).isEqualTo(1000);
        assertThat(TxAmounts.amountSent(out)).isEqualTo(1024);
        assertThat(TxAmounts.correctAmount(out, 1027)).isTrue();
    }

    @Test
    void claimAmounts() {
        ClaimTx claim = new ClaimTx(true, 0, KEY, 100, new Input(Hash256.ZERO, 3), Signature.ZERO);
        assertThat(TxAmounts.amountForFee(claim)).isEqualTo(100);
        assertThat(TxAmounts.amountSent(claim)).isEqualTo(100);
        assertThat(TxAmounts.correctAmount(claim, 101)).isTrue();
        ClaimTx free = new ClaimTx(false, 0, KEY, 100, new Input(Hash256.ZERO, 3), Signature.ZERO);
        assertThat(TxAmounts.correctAmount(free, 100)).isTrue();
    }

    @Test
    void fromGatewaySumsWrapAtTwoToThe32() {
        FromGatewayTx tx = fromGateway(0x80000000L, 0x80000000L, 5);
        assertThat(TxAmounts.amountForFee(tx)).isEqualTo(5);
        assertThat(TxAmounts.amountSent(tx)).isEqualTo(5);
        assertThat(TxAmounts.fee(tx)).isEqualTo(1);
        assertThat(TxAmounts.amountSent(fromGateway(0xffffffffL, 1))).isZero();
        assertThat(TxAmounts.amountSent(fromGateway(100, 200))).isEqualTo(300);
        assertThat(TxAmounts.amountSent(fromGateway())).isZero();
    }

    @Test
    void transferSumsWrapToo() {
        // check_tx forbids such amounts, but the arithmetic itself is C's.
        NormalTx tx = normal(0xffffffffL, 2, false);
        assertThat(TxAmounts.amountSent(tx)).isEqualTo(1);
        assertThat(TxAmounts.correctAmount(tx, 1)).isTrue();
    }

    @Property
    void balancedExactlyWhenInputsPaySentPlusFee(
            @ForAll @LongRange(max = 0x20000000L) long send,
            @ForAll @LongRange(max = 0x20000000L) long change,
            @ForAll boolean fee) {
        Tx tx = normal(send, change, fee);
        long needed = send + change + (fee ? send * 3 / 1024 + 1 : 0);
        assertThat(TxAmounts.correctAmount(tx, needed)).isTrue();
        assertThat(TxAmounts.correctAmount(tx, needed + 1)).isFalse();
        assertThat(TxAmounts.correctAmount(tx, needed - 1)).isFalse();
        assertThat(TxAmounts.correctAmount(tx, needed + (1L << 32)))
                .as("inputs sum in a u32")
                .isTrue();
    }
}
