package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.Await.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.chain.Network;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.daemon.Node;
import org.pettycoin.mining.Miner;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;
import org.pettycoin.rpc.RpcClient;
import org.pettycoin.rpc.RpcServer;
import org.pettycoin.store.DataDir;
import org.pettycoin.testing.CliRunner;
import org.pettycoin.testing.ShortTempDir;
import org.pettycoin.testing.TestKeys;
import org.pettycoin.testing.TestNodes;
import org.pettycoin.testing.TestTxs;
import org.pettycoin.time.MockTimeClock;

/** Mining nodes with JSON-RPC, as an operator and a wallet user meet them. */
@Timeout(180)
class LocalNetworkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<AutoCloseable> open = new ArrayList<>();
    private Path dir;
    private TestNodes nodes;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** A regtest node with RPC (and a paced miner if {@code mining}), dialling {@code peers}. */
    private Node node(String name, boolean mining, InetSocketAddress... peers) throws Exception {
        if (dir == null) {
            ShortTempDir temp = ShortTempDir.create("ln");
            open.add(temp); // closed last: after the nodes that write into it
            dir = temp.path();
            TestNodes nodes = new TestNodes(dir, MockTimeClock.system());
            open.add(nodes);
            this.nodes = nodes;
        }
        Path data = dir.resolve(name);
        Node n = nodes.start(name, peers);
        Address reward = TestKeys.address(TestKeys.key(name.hashCode() | 1));
        open.add(RpcServer.start(
                data.resolve(DataDir.RPC_FILE_NAME),
                n,
                () -> {},
                MiningSetup.generator(n, Network.REGTEST, Optional.of(reward))));
        if (mining) {
            Miner m = MiningSetup.start(n, reward, 1, Duration.ofMillis(300));
            open.add(m);
        }
        return n;
    }

    private static RpcClient.Response rpc(Path data, String method, Object... params) throws Exception {
        try (RpcClient c = RpcClient.connect(data.resolve(DataDir.RPC_FILE_NAME))) {
            return c.call(method, JSON.getNodeFactory().numberNode(1), JSON.valueToTree(params));
        }
    }

    private static Tx deposit(Address to, long amount) {
        return TestTxs.SIGNING.fromGateway(TestKeys.key(9), List.of(new GatewayPayment(amount, to)), false);
    }

    @Test
    void aTxSentOverRpcEndsUpInAMinedBlockOnEveryNode() throws Exception {
        Node a = node("a", true);
        Node b = node("b", true, TestNodes.address(a));
        Node c = node("c", true, TestNodes.address(b));
        Tx tx = deposit(Address.fromHex("42".repeat(20)), 5000);
        Hash256 txid = TxHashes.txid(tx);
        RpcClient.Response r = rpc(dir.resolve("c"), "sendrawtransaction", Hex.encode(TxCodec.encode(tx)));
        assertThat(r.error()).isEmpty();
        assertThat(r.result().path("tx").asText()).isEqualTo(txid.hex());
        for (Node n : List.of(a, b, c)) {
            assertThat(await(
                            Duration.ofSeconds(90),
                            () -> n.call(() -> n.state()
                                    .findInChain(n.state().miningHead(), txid)
                                    .map(k -> k.full())
                                    .orElse(false))))
                    .as("in the chain of every node")
                    .isTrue();
        }
    }

    @Test
    void aWalletIsFundedSendsAndBothBalancesMove() throws Exception {
        node("n", false);
        Path data = dir.resolve("n");
        Path aliceDir = dir.resolve("n");
        CliRunner.Result setup = CliRunner.run("wallet", "--pettycoin-dir", aliceDir.toString(), "setup");
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        String alice = setup.out().lines().findFirst().orElseThrow();
        Address aliceAddr = AddressCodec.decode(alice).orElseThrow().address();
        // Bob is another wallet, in a directory of its own that shares the node's socket.
        Path bobDir = dir.resolve("bob");
        Files.createDirectories(bobDir);
        Files.createSymbolicLink(bobDir.resolve(DataDir.RPC_FILE_NAME), data.resolve(DataDir.RPC_FILE_NAME));
        CliRunner.Result bobSetup = CliRunner.run("wallet", "--pettycoin-dir", bobDir.toString(), "setup");
        String bob = bobSetup.out().lines().findFirst().orElseThrow();

        // Any key may act as a gateway on regtest: fund Alice with 100 bits.
        assertThat(rpc(data, "sendrawtransaction", Hex.encode(TxCodec.encode(deposit(aliceAddr, 10_000))))
                        .error())
                .isEmpty();
        assertThat(balance(aliceDir)).isEqualTo("0.00 bits (100.00 bits unconfirmed)");
        assertThat(rpc(data, "generate", 3).error()).isEmpty();
        assertThat(balance(aliceDir)).isEqualTo("100.00 bits");

        CliRunner.Result sent = CliRunner.run("wallet", "--pettycoin-dir", aliceDir.toString(), "send", bob, "12.5");
        assertThat(sent.exitCode()).as(sent.err()).isZero();
        assertThat(sent.out().strip()).hasSize(64);
        assertThat(balance(aliceDir)).isEqualTo("0.00 bits (87.50 bits unconfirmed)");
        assertThat(balance(bobDir)).isEqualTo("0.00 bits (12.50 bits unconfirmed)");
        assertThat(rpc(data, "generate", 3).error()).isEmpty();
        assertThat(balance(aliceDir)).isEqualTo("87.50 bits");
        assertThat(balance(bobDir)).isEqualTo("12.50 bits");

        CliRunner.Result tooMuch = CliRunner.run("wallet", "--pettycoin-dir", bobDir.toString(), "send", alice, "13");
        assertThat(tooMuch.exitCode()).isEqualTo(1);
        assertThat(tooMuch.err()).contains("not enough funds");
    }

    private static String balance(Path walletDir) {
        CliRunner.Result r = CliRunner.run("wallet", "--pettycoin-dir", walletDir.toString(), "balance");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().strip();
    }
}
