package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.chain.Network;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.rpc.RpcClient;
import org.pettycoin.rpc.RpcServer;
import org.pettycoin.testing.CliRunner;
import org.pettycoin.testing.TestKeys;
import org.pettycoin.testing.TestTxs;

/** {@code pettycoin wallet --rpc-file}: the socket as C's dumbwallet names it, relative to the data directory. */
@Timeout(60)
class WalletRpcFileTest {
    private Path dir;
    private Node node;
    private RpcServer rpc;
    private Path socket;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("wr"); // short: unix socket paths are limited
        Path data = dir.resolve("n");
        node = Node.start(Node.Options.of(Network.REGTEST, data, 0, List.of())
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        socket = data.resolve("node-rpc");
        rpc = RpcServer.start(socket, node, () -> {}, MiningSetup.generator(node, Network.REGTEST, Optional.empty()));
    }

    @AfterEach
    void stop() throws Exception {
        rpc.close();
        node.close();
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static CliRunner.Result wallet(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "wallet";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRunner.run(all);
    }

    private void fund(String address, long satoshi) throws Exception {
        String hex = TestTxs.hex(TestTxs.SIGNING.fromGateway(
                TestKeys.key(9),
                List.of(new GatewayPayment(
                        satoshi, AddressCodec.decode(address).orElseThrow().address())),
                false));
        try (RpcClient c = RpcClient.connect(socket)) {
            ArrayNode params = JsonNodeFactory.instance.arrayNode().add(hex);
            assertThat(c.call("sendrawtransaction", JsonNodeFactory.instance.numberNode(1), params)
                            .error())
                    .isEmpty();
        }
    }

    @Test
    void theSocketIsFoundRelativeToTheDataDirectoryOrByAnAbsolutePath() throws Exception {
        Path w = dir.resolve("w");
        CliRunner.Result setup = wallet("--pettycoin-dir", w.toString(), "setup");
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        String me = setup.out().lines().findFirst().orElseThrow();

        CliRunner.Result noSocket = wallet("--pettycoin-dir", w.toString(), "balance");
        assertThat(noSocket.exitCode()).isEqualTo(1);
        assertThat(noSocket.err()).contains("cannot reach the node at " + w.resolve("pettycoin-rpc"));

        fund(me, 10_000);
        CliRunner.Result relative = wallet("--pettycoin-dir", w.toString(), "--rpc-file", "../n/node-rpc", "balance");
        assertThat(relative.exitCode()).as(relative.err()).isZero();
        assertThat(relative.out().strip()).isEqualTo("0.00 bits (100.00 bits unconfirmed)");
        CliRunner.Result after = wallet("--pettycoin-dir", w.toString(), "balance", "--rpc-file", socket.toString());
        assertThat(after.out().strip())
                .as("after the subcommand, and absolute")
                .isEqualTo(relative.out().strip());

        CliRunner.Result sent = wallet(
                "--pettycoin-dir",
                w.toString(),
                "--rpc-file=../n/node-rpc",
                "send",
                "P-mopv7T2T7szaYdJNxm7jAF8x16dbMfGerN",
                "1.25");
        assertThat(sent.exitCode()).as(sent.err()).isZero();
        assertThat(sent.out().strip()).hasSize(64);

        CliRunner.Result empty = wallet("--pettycoin-dir", w.toString(), "--rpc-file=", "balance");
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err().strip()).doesNotContain("\n").contains("--rpc-file is empty");
    }
}
