package org.pettycoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestKeys.key;
import static org.pettycoin.testing.TestKeys.text;
import static org.pettycoin.testing.TestTxs.fund;
import static org.pettycoin.testing.TestTxs.hex;
import static org.pettycoin.testing.TestTxs.id;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.chain.Network;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.testing.RpcTestNode;
import org.pettycoin.testing.WithRpcNode;

/** setmocktime: it moves the time the horizon and new blocks are measured by; regtest only; its errors. */
@Timeout(30)
class MockTimeCommandTest extends WithRpcNode {
    private static final PrivateKey ALICE = key(2);
    private static final long DAY = 24 * 3600;

    private long timestampOf(JsonNode generated) throws Exception {
        return n.result("getblock", generated.get(0).asText()).get("timestamp").asLong();
    }

    @Test
    void theHorizonAndNewBlocksFollowTheTimeSet() throws Exception {
        FromGatewayTx deposit = fund(ALICE, 100);
        n.result("sendrawtransaction", hex(deposit));
        long mined = timestampOf(n.result("generate", 1));
        assertThat(n.result("listtransactions", text(ALICE)))
                .singleElement()
                .satisfies(t -> assertThat(t.get("txid").asText()).isEqualTo(id(deposit)));

        // Four days on, the deposit's block is past the 3-day horizon: its outputs are no longer listed.
        long later = mined + 4 * DAY;
        JsonNode set = n.result("setmocktime", later);
        assertThat(set.get("mocktime").asLong()).isEqualTo(later);
        assertThat(set.get("time").asLong()).isBetween(later, later + 60);
        assertThat(n.result("listtransactions", text(ALICE))).isEmpty();
        assertThat(timestampOf(n.result("generate", 1)))
                .as("a new block is stamped with the time set")
                .isBetween(later, later + 60);

        // Back to the deposit's day, the deposit is inside the horizon again (the newer block is in the future).
        n.result("setmocktime", mined + 1);
        assertThat(n.result("listtransactions", text(ALICE))).hasSize(1);

        // 0: the system's time again, as bitcoind's setmocktime 0.
        long before = System.currentTimeMillis() / 1000;
        JsonNode system = n.result("setmocktime", 0);
        assertThat(system.get("mocktime").asLong()).isZero();
        assertThat(system.get("time").asLong()).isBetween(before, System.currentTimeMillis() / 1000);
        assertThat(n.result("setmocktime", "0x6925e366").get("mocktime").asLong())
                .as("numbers as C reads them")
                .isEqualTo(0x6925e366L);
    }

    @Test
    void aTimeThatIsNotAWholeNonNegativeNumberOfSecondsIsRefused() throws Exception {
        assertThat(n.error("setmocktime")).isEqualTo("Need timestamp param");
        for (Object bad : new Object[] {-1, "-1", "soon", 4_294_967_296L, "1.5"}) {
            assertThat(n.error("setmocktime", bad))
                    .as(String.valueOf(bad))
                    .startsWith("timestamp must be a whole number of Unix seconds from 0 to 4294967295");
        }
        assertThat(n.result("help", "setmocktime").get("details").asText())
                .contains("0 goes back to the system's time");
    }

    @Test
    void onTestnetItIsRefused() throws Exception {
        try (RpcTestNode testnet = RpcTestNode.start(Network.TESTNET)) {
            assertThat(testnet.error("setmocktime", 1_764_078_950L))
                    .isEqualTo("setmocktime works only on regtest; this node is on testnet");
        }
    }
}
