package org.pettycoin.chainstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestKeys.address;
import static org.pettycoin.testing.TestKeys.key;
import static org.pettycoin.testing.TestTxs.GATEWAY;
import static org.pettycoin.testing.TestTxs.SIGNING;
import static org.pettycoin.testing.TestTxs.fund;
import static org.pettycoin.testing.TestTxs.out;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.Tx;

/**
 * {@code --require-fees} and {@code --require-gateway-fees} as C's {@code add_pending_tx} applies
 * them: after the input checks, a feeless tx of the kind named is dropped (reported as fine, and
 * relayed, but not kept to mine); the other kind, and txs paying the fee, are kept as before.
 */
class FeePolicyTest {
    private static final PrivateKey ALICE = key(2);
    private static final PrivateKey BOB = key(3);

    private static final class Chain {
        final NodeFixture f;
        final FromGatewayTx funding = fund(ALICE, 1000);

        Chain(boolean requireFees, boolean requireGatewayFees) {
            ChainState.Config d = ChainState.Config.DEFAULT;
            f = new NodeFixture(new ChainState.Config(
                    d.detachedLimits(), new PendingPool.Policy(requireFees, requireGatewayFees), d.txChecks()));
            // A block's contents are consensus, not policy: the feeless funding goes in whatever the policy.
            f.mine(f.head(), funding);
        }

        PendingPool.Status submit(Tx tx) throws Exception {
            PendingPool.Status s = f.state.submitTx(tx).admission().status();
            assertThat(f.state.pending().contains(TxHashes.txid(tx)))
                    .isEqualTo(s == PendingPool.Status.READY || s == PendingPool.Status.WAITING);
            return s;
        }

        Tx normal(boolean paysFee) {
            return SIGNING.normal(ALICE, address(BOB), 300, paysFee ? 699 : 700, List.of(out(funding, 0)), paysFee);
        }

        Tx toGateway(boolean paysFee) {
            return SIGNING.toGateway(
                    ALICE, address(GATEWAY), 300, paysFee ? 699 : 700, List.of(out(funding, 0)), paysFee);
        }

        static Tx gateway(boolean paysFee) {
            return SIGNING.fromGateway(GATEWAY, List.of(new GatewayPayment(500, address(BOB))), paysFee);
        }
    }

    @Test
    void withoutEitherOptionFeelessTxsAreKept() throws Exception {
        Chain c = new Chain(false, false);
        assertThat(c.submit(Chain.gateway(false))).isEqualTo(PendingPool.Status.READY);
        assertThat(c.submit(c.normal(false))).isEqualTo(PendingPool.Status.READY);
    }

    @Test
    void requireFeesDropsFeelessTransfersOnly() throws Exception {
        Chain c = new Chain(true, false);
        assertThat(c.submit(c.normal(false))).isEqualTo(PendingPool.Status.POLICY_DROPPED);
        assertThat(c.submit(c.toGateway(false))).isEqualTo(PendingPool.Status.POLICY_DROPPED);
        assertThat(c.submit(Chain.gateway(false))).isEqualTo(PendingPool.Status.READY);
        assertThat(c.submit(c.normal(true))).isEqualTo(PendingPool.Status.READY);
    }

    @Test
    void requireGatewayFeesDropsFeelessGatewayTxsOnly() throws Exception {
        Chain c = new Chain(false, true);
        assertThat(c.submit(Chain.gateway(false))).isEqualTo(PendingPool.Status.POLICY_DROPPED);
        assertThat(c.submit(Chain.gateway(true))).isEqualTo(PendingPool.Status.READY);
        assertThat(c.submit(c.normal(false))).isEqualTo(PendingPool.Status.READY);
    }

    @Test
    void theInputChecksComeFirstAsInC() throws Exception {
        Chain c = new Chain(true, true);
        Tx bad = SIGNING.normal(BOB, address(ALICE), 300, 700, List.of(out(c.funding, 0)), false);
        assertThat(c.submit(bad)).as("not Bob's to spend: refused, not dropped").isEqualTo(PendingPool.Status.REFUSED);
        Input unknown = new Input(Hash256.fromHex("77".repeat(32)), 0);
        Tx waiting = SIGNING.normal(ALICE, address(BOB), 5, 0, List.of(unknown), false);
        assertThat(c.submit(waiting))
                .as("C drops it before keeping it for its unknown input")
                .isEqualTo(PendingPool.Status.POLICY_DROPPED);
        assertThat(c.f.state.pending().waiting()).isEmpty();
    }
}
