package org.pettycoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxSigning;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.RpcTestNode;
import org.pettycoin.testing.TestKeys;

/**
 * JSON-RPC calls on a node whose blockfile fails (the failure policy, docs/architecture.md): the
 * call that hits the failure gets an error reply and stops the node; later calls are refused and
 * reach no peer.
 */
@Timeout(60)
class StorageFailureRpcTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void sendrawtransactionAndGenerateOnABrokenBlockfile() throws Exception {
        try (RpcTestNode n = RpcTestNode.start();
                RpcTestNode peer = RpcTestNode.start(n.address())) {
            assertThat(Await.await(WAIT, () -> peers(peer.node) == 1 && peers(n.node) >= 1))
                    .isTrue();
            n.node.call(() -> {
                n.node.breakBlockfile();
                return null;
            });

            // A loose tx goes to the pending pool only, never to the blockfile: it is kept and relayed.
            Tx first = deposit(1000);
            assertThat(n.result("sendrawtransaction", Hex.encode(TxCodec.encode(first)))
                            .get("tx")
                            .asText())
                    .isEqualTo(TxHashes.txid(first).hex());
            assertThat(Await.await(WAIT, () -> inPool(peer.node, TxHashes.txid(first))))
                    .isTrue();

            // The next block is written: the call fails with a reply that says why, and the node stops.
            assertThat(n.error("generate", 1)).contains("cannot append to").contains("blockfile");
            assertThat(n.node.failure().get(WAIT.toSeconds(), TimeUnit.SECONDS)).contains("cannot append to");

            Tx second = deposit(2000);
            assertThat(n.error("sendrawtransaction", Hex.encode(TxCodec.encode(second))))
                    .as("refused once the node has stopped")
                    .isNotEmpty();
            assertThat(Await.await(WAIT, () -> peers(peer.node) == 0)).isTrue();
            assertThat(inPool(peer.node, TxHashes.txid(second))).isFalse();
            assertThat(peer.node.call(() -> peer.node.state().tree().size()))
                    .as("the block that could not be written was not announced")
                    .isEqualTo(1);
            assertThat(peer.node.failure()).isNotDone();
        }
    }

    private static Tx deposit(long amount) {
        return new TxSigning()
                .fromGateway(TestKeys.key(7), List.of(new GatewayPayment(amount, RpcTestNode.MINER)), false);
    }

    private static int peers(Node n) throws IOException {
        return n.call(() -> n.network().peerCount());
    }

    private static boolean inPool(Node n, Hash256 txid) throws IOException {
        return n.call(() -> n.state().pending().contains(txid));
    }
}
