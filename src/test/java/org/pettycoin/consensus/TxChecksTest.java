package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.Signature;
import org.pettycoin.protocol.ToGatewayTx;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;
import org.pettycoin.protocol.Vectors;

/** Each check_tx rule of C's check_tx.c for each kind: the ecode of a tx breaking it, and a valid twin. */
class TxChecksTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TxSigning SIGNING = new TxSigning();
    private static final TxChecks CHECKS = new TxChecks();
    private static final PrivateKey ALICE = PrivateKey.random(RANDOM);
    private static final PrivateKey GATEWAY = PrivateKey.random(RANDOM);
    private static final Address BOB = Address.fromHex("3a00000000000000000000000000000000000001");
    /** Shard 0 at order 2 (top bits 00). */
    private static final Address SHARD0 = Address.fromHex("0100000000000000000000000000000000000000");
    /** Shard 0 at order 2 too, but shard 1 at order 8. */
    private static final Address SHARD0_TOO = Address.fromHex("0200000000000000000000000000000000000000");
    /** Shard 3 at order 2 (top bits 11). */
    private static final Address SHARD3 = Address.fromHex("c100000000000000000000000000000000000000");

    private static final long MAX = 0x20000000L;

    private static List<Input> inputs(int n) {
        return Collections.nCopies(n, new Input(Hash256.fromHex("11".repeat(32)), 0));
    }

    private static NormalTx normal(long send, long change, int inputs) {
        return SIGNING.normal(ALICE, BOB, send, change, inputs(inputs), true);
    }

    private static ToGatewayTx toGateway(long send, long change, int inputs) {
        return SIGNING.toGateway(ALICE, BOB, send, change, inputs(inputs), true);
    }

    private static FromGatewayTx fromGateway(GatewayPayment... outputs) {
        return SIGNING.fromGateway(GATEWAY, List.of(outputs), true);
    }

    private static ClaimTx claim(long amount) {
        return SIGNING.claim(ALICE, amount, new Input(Hash256.fromHex("22".repeat(32)), 3), true);
    }

    private static ErrorCode codeOf(TxChecks checks, Tx tx, int order) {
        try {
            checks.check(tx, order);
            return ErrorCode.NONE;
        } catch (ProtocolException e) {
            return e.code();
        }
    }

    private static ErrorCode codeOf(Tx tx) {
        return codeOf(CHECKS, tx, TxChecks.PENDING_SHARD_ORDER);
    }

    /** A policy accepting only {@code gateway}: what a real gateway list would do. */
    private static TxChecks onlyGateway(Address gateway) {
        return new TxChecks(SIGNING, gateway::equals);
    }

    @Test
    void everyTxTheCNodeMadePasses() throws Exception {
        int checked = 0;
        for (Vectors.Section t : Vectors.sections("transactions.txt").values()) {
            if (t.all("hex").isEmpty()) {
                continue;
            }
            Tx tx = TxCodec.decode(Hex.decode(t.get("hex")));
            CHECKS.checkPending(tx);
            assertThat(codeOf(CHECKS, tx, 2)).as(t.name()).isEqualTo(ErrorCode.NONE);
            checked++;
        }
        assertThat(checked).as("TX1-TX4 of runs A and B").isEqualTo(8);
    }

    @Test
    void normalRules() {
        assertThat(codeOf(normal(500, 498, 1))).isEqualTo(ErrorCode.NONE);
        assertThat(codeOf(normal(MAX, MAX, 4))).isEqualTo(ErrorCode.NONE);
        assertThat(codeOf(normal(MAX + 1, 0, 1))).isEqualTo(ErrorCode.TX_TOO_LARGE);
        assertThat(codeOf(normal(1, MAX + 1, 1))).isEqualTo(ErrorCode.TX_TOO_LARGE);
        assertThat(codeOf(normal(0, 0, 1))).isEqualTo(ErrorCode.TX_TOO_SMALL);
        assertThat(codeOf(normal(0, 1, 1))).isEqualTo(ErrorCode.NONE);
        assertThat(codeOf(normal(1, 0, 5))).isEqualTo(ErrorCode.TX_TOO_MANY_INPUTS);
        assertThat(codeOf(normal(1, 0, 0))).as("C's ecode for no inputs").isEqualTo(ErrorCode.TX_TOO_MANY_INPUTS);
        assertThat(codeOf(normal(1, 0, 1).withSignature(Signature.ZERO))).isEqualTo(ErrorCode.TX_BAD_SIG);
        NormalTx good = normal(7, 3, 2);
        NormalTx tampered = new NormalTx(
                good.paysFee(),
                good.features(),
                good.inputKey(),
                good.outputAddr(),
                8,
                3,
                good.signature(),
                good.inputs());
        assertThat(codeOf(tampered)).isEqualTo(ErrorCode.TX_BAD_SIG);
    }

    @Test
    void normalRulesRunInCsOrder() {
        // Each tx breaks two rules; the earlier one in check_tx_with_inputs_wellformed is reported.
        assertThat(codeOf(normal(MAX + 1, 0, 0))).isEqualTo(ErrorCode.TX_TOO_LARGE);
        assertThat(codeOf(normal(0, 0, 5))).isEqualTo(ErrorCode.TX_TOO_SMALL);
        assertThat(codeOf(normal(1, 0, 0).withSignature(Signature.ZERO))).isEqualTo(ErrorCode.TX_TOO_MANY_INPUTS);
    }

    @Test
    void toGatewayRules() {
        Address alice = Hash160.addressOf(
                SIGNING.normal(ALICE, BOB, 1, 0, inputs(1), false).inputKey());
        assertThat(codeOf(toGateway(25, 24, 1))).isEqualTo(ErrorCode.NONE);
        assertThat(codeOf(toGateway(MAX + 1, 0, 1))).isEqualTo(ErrorCode.TX_TOO_LARGE);
        assertThat(codeOf(toGateway(0, MAX + 1, 1))).isEqualTo(ErrorCode.TX_TOO_LARGE);
        assertThat(codeOf(toGateway(0, 0, 1))).isEqualTo(ErrorCode.TX_TOO_SMALL);
        assertThat(codeOf(toGateway(1, 0, 5))).isEqualTo(ErrorCode.TX_TOO_MANY_INPUTS);
        assertThat(codeOf(toGateway(1, 0, 0))).isEqualTo(ErrorCode.TX_TOO_MANY_INPUTS);
        assertThat(codeOf(toGateway(1, 0, 1).withSignature(Signature.ZERO))).isEqualTo(ErrorCode.TX_BAD_SIG);
        // The gateway is checked on to_gateway_addr, and only after the signature.
        assertThat(codeOf(onlyGateway(BOB), toGateway(1, 0, 1), 2)).isEqualTo(ErrorCode.NONE);
        assertThat(codeOf(onlyGateway(alice), toGateway(1, 0, 1), 2)).isEqualTo(ErrorCode.TX_BAD_GATEWAY);
        assertThat(codeOf(onlyGateway(alice), toGateway(1, 0, 1).withSignature(Signature.ZERO), 2))
                .isEqualTo(ErrorCode.TX_BAD_SIG);
        assertThat(codeOf(onlyGateway(alice), toGateway(1, 0, 0), 2)).isEqualTo(ErrorCode.TX_TOO_MANY_INPUTS);
    }

    @Test
    void fromGatewayRules() {
        FromGatewayTx good = fromGateway(new GatewayPayment(100, SHARD0), new GatewayPayment(MAX, SHARD0_TOO));
        assertThat(codeOf(good)).isEqualTo(ErrorCode.NONE);
        assertThat(codeOf(fromGateway(new GatewayPayment(100, SHARD0), new GatewayPayment(1, SHARD3))))
                .isEqualTo(ErrorCode.TX_CROSS_SHARDS);
        assertThat(codeOf(fromGateway(new GatewayPayment(MAX + 1, SHARD0)))).isEqualTo(ErrorCode.TX_TOO_LARGE);
        assertThat(codeOf(fromGateway(new GatewayPayment(1, SHARD0), new GatewayPayment(0, SHARD0))))
                .isEqualTo(ErrorCode.TX_TOO_SMALL);
        assertThat(codeOf(fromGateway())).as("our deviation: C accepts it").isEqualTo(ErrorCode.TX_TOO_SMALL);
        assertThat(codeOf(good.withSignature(Signature.ZERO))).isEqualTo(ErrorCode.TX_BAD_SIG);
    }

    @Test
    void fromGatewayGatewayIsTheSignersAddressAndComesFirst() {
        FromGatewayTx good = fromGateway(new GatewayPayment(100, SHARD0));
        Address gateway = Hash160.addressOf(good.gatewayKey());
        assertThat(codeOf(onlyGateway(gateway), good, 2)).isEqualTo(ErrorCode.NONE);
        FromGatewayTx crossAndUnsigned = fromGateway(new GatewayPayment(1, SHARD0), new GatewayPayment(1, SHARD3))
                .withSignature(Signature.ZERO);
        assertThat(codeOf(onlyGateway(BOB), crossAndUnsigned, 2)).isEqualTo(ErrorCode.TX_BAD_GATEWAY);
    }

    @Test
    void fromGatewayCrossShardDependsOnTheBlocksShardOrder() {
        FromGatewayTx tx = fromGateway(new GatewayPayment(1, SHARD0), new GatewayPayment(1, SHARD0_TOO));
        assertThat(codeOf(CHECKS, tx, 2)).isEqualTo(ErrorCode.NONE);
        assertThat(codeOf(CHECKS, tx, 8)).isEqualTo(ErrorCode.TX_CROSS_SHARDS);
        FromGatewayTx far = fromGateway(new GatewayPayment(1, SHARD0), new GatewayPayment(1, SHARD3));
        assertThat(codeOf(CHECKS, far, 0)).as("one shard holds everything").isEqualTo(ErrorCode.NONE);
    }

    @Test
    void fromGatewayOutputsAreCheckedOneByOneInOrder() {
        // Output 0 too large beats output 1 in another shard; output 1 in another shard beats its zero amount.
        assertThat(codeOf(fromGateway(new GatewayPayment(MAX + 1, SHARD0), new GatewayPayment(1, SHARD3))))
                .isEqualTo(ErrorCode.TX_TOO_LARGE);
        assertThat(codeOf(fromGateway(new GatewayPayment(1, SHARD0), new GatewayPayment(0, SHARD3))))
                .isEqualTo(ErrorCode.TX_CROSS_SHARDS);
        assertThat(codeOf(fromGateway(new GatewayPayment(0, SHARD0), new GatewayPayment(MAX + 1, SHARD0))))
                .isEqualTo(ErrorCode.TX_TOO_SMALL);
        assertThat(codeOf(fromGateway(new GatewayPayment(1, SHARD0), new GatewayPayment(0, SHARD3))
                        .withSignature(Signature.ZERO)))
                .isEqualTo(ErrorCode.TX_CROSS_SHARDS);
    }

    @Test
    void claimRules() {
        assertThat(codeOf(claim(1000))).isEqualTo(ErrorCode.NONE);
        assertThat(codeOf(claim(0))).as("C has no zero check for claims").isEqualTo(ErrorCode.NONE);
        assertThat(codeOf(claim(MAX))).isEqualTo(ErrorCode.NONE);
        assertThat(codeOf(claim(MAX + 1))).isEqualTo(ErrorCode.TX_TOO_LARGE);
        assertThat(codeOf(claim(MAX + 1).withSignature(Signature.ZERO))).isEqualTo(ErrorCode.TX_TOO_LARGE);
        assertThat(codeOf(claim(5).withSignature(Signature.ZERO))).isEqualTo(ErrorCode.TX_BAD_SIG);
    }

    @Test
    void claimsAndTransfersIgnoreTheGatewayPolicyWhereCDoes() {
        TxChecks nobody = new TxChecks(SIGNING, gateway -> false);
        assertThat(codeOf(nobody, claim(5), 2)).isEqualTo(ErrorCode.NONE);
        assertThat(codeOf(nobody, normal(5, 0, 1), 2)).isEqualTo(ErrorCode.NONE);
        assertThat(codeOf(nobody, toGateway(5, 0, 1), 2)).isEqualTo(ErrorCode.TX_BAD_GATEWAY);
        assertThat(codeOf(nobody, fromGateway(new GatewayPayment(1, SHARD0)), 2))
                .isEqualTo(ErrorCode.TX_BAD_GATEWAY);
    }
}
