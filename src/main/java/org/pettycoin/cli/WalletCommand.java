package org.pettycoin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pettycoin.consensus.TxSigning;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.crypto.PrivateKeyCodec;
import org.pettycoin.crypto.Secp256k1;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.TxCodec;
import org.pettycoin.rpc.RpcClient;
import org.pettycoin.store.DataDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pettycoin wallet}: the dumb wallet (C's dumbwallet.c), one key watching its own address through
 * the node's JSON-RPC. Amounts are in bits (100 satoshi). Unlike the C wallet, outputs already spent
 * by a listed tx (confirmed or pending) are not counted or spent again.
 */
@Command(
        name = "wallet",
        mixinStandardHelpOptions = true,
        description = "A one-key wallet that talks to a running node (like the C dumbwallet).",
        subcommands = {
            WalletCommand.Setup.class,
            WalletCommand.Balance.class,
            WalletCommand.Send.class,
            WalletCommand.Claim.class
        })
final class WalletCommand implements Runnable {
    /** The key file in the data directory (the C wallet's name). */
    static final String KEY_FILE = "dumbwallet.key";
    /** Outputs with at least this many confirmations are "confirmed" (as in dumbwallet.c). */
    static final int CONFIRMED = 3;
    /** Satoshi per bit, the wallet's unit. */
    static final long SATOSHI_PER_BIT = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--pettycoin-dir",
            paramLabel = "DIR",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "the node's data directory (default: $HOME/.pettycoin)")
    private Path dir;

    @Option(
            names = "--rpc-file",
            paramLabel = "FILE",
            defaultValue = DataDir.RPC_FILE_NAME,
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "the node's JSON-RPC socket, relative to the data directory as in C's dumbwallet "
                    + "(default: ${DEFAULT-VALUE})")
    private String rpcFile;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Path dataDir() {
        return dir != null ? dir : DataDir.defaultPath(System.getenv());
    }

    /** An output paying us: where, how much, how deep. */
    record Coin(Input input, long amount, long confirmations) {}

    @Command(
            name = "setup",
            mixinStandardHelpOptions = true,
            description = "Create the wallet's key (or import PRIVKEY, a P- or plain testnet WIF key).")
    static final class Setup implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        private WalletCommand parent;

        @Spec
        private CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "PRIVKEY")
        private String privkey;

        @Override
        public Integer call() throws IOException {
            PrivateKey key = privkey == null ? PrivateKey.random(new SecureRandom()) : TxArgs.key(privkey);
            Path file = parent.dataDir().resolve(KEY_FILE);
            Files.createDirectories(parent.dataDir());
            try {
                writeKey(file, key);
            } catch (FileAlreadyExistsException e) {
                throw new UserError("setup already done: " + file + " exists");
            }
            Address a = Hash160.addressOf(Secp256k1.get().publicKeyOf(key));
            PrintWriter out = spec.commandLine().getOut();
            out.println(AddressCodec.encode(a, AddressStyle.PETTYCOIN_TEST));
            out.println(AddressCodec.encode(a, AddressStyle.BITCOIN_TEST));
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "balance",
            mixinStandardHelpOptions = true,
            description = "Confirmed (3+ confirmations) and unconfirmed balance, in bits.")
    static final class Balance implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        private WalletCommand parent;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<Coin> coins = parent.unspent(parent.key());
            long confirmed = coins.stream()
                    .filter(c -> c.confirmations() >= CONFIRMED)
                    .mapToLong(Coin::amount)
                    .sum();
            long unconfirmed = coins.stream()
                    .filter(c -> c.confirmations() < CONFIRMED)
                    .mapToLong(Coin::amount)
                    .sum();
            PrintWriter out = spec.commandLine().getOut();
            out.println(bits(confirmed) + " bits"
                    + (unconfirmed > 0 ? " (" + bits(unconfirmed) + " bits unconfirmed)" : ""));
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "send",
            mixinStandardHelpOptions = true,
            description = "Send AMOUNT bits (up to 2 decimals) to ADDRESS; prints the txid.")
    static final class Send implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        private WalletCommand parent;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ADDRESS")
        private String to;

        @Parameters(index = "1", paramLabel = "AMOUNT")
        private String amount;

        @Override
        public Integer call() throws IOException {
            Address dest = TxArgs.address(to, "ADDRESS");
            long satoshi = satoshi(amount);
            PrivateKey key = parent.key();
            List<Coin> chosen = choose(parent.unspent(key), satoshi);
            long total = chosen.stream().mapToLong(Coin::amount).sum();
            NormalTx tx = new TxSigning()
                    .normal(
                            key,
                            dest,
                            satoshi,
                            total - satoshi,
                            chosen.stream().map(Coin::input).toList(),
                            false);
            ArrayNode params = JSON.createArrayNode().add(Hex.encode(TxCodec.encode(tx)));
            RpcClient.Response r = parent.rpc("sendrawtransaction", params);
            PrintWriter out = spec.commandLine().getOut();
            out.println(r.result().path("tx").asText());
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "claim",
            mixinStandardHelpOptions = true,
            description = {
                "Claim every decided, unclaimed block reward of the wallet's address (blocks mined with",
                "--reward-address set to it); prints each claim sent. Needs the rewards feature active."
            })
    static final class Claim implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        private WalletCommand parent;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            RewardClaims.Outcome o = RewardClaims.claimAll(parent.key(), parent::rpcResponse);
            PrintWriter out = spec.commandLine().getOut();
            RewardClaims.describe(o).forEach(out::println);
            out.flush();
            // Exit 1 when a reward waits for the feature or a claim was refused: a script can tell.
            boolean failed = (o instanceof RewardClaims.NotActive n
                            && !n.waiting().isEmpty())
                    || (o instanceof RewardClaims.Claimed c && !c.refused().isEmpty());
            return failed ? 1 : 0;
        }
    }

    /**
     * Oldest confirmed outputs first (then unconfirmed), at most {@link Protocol#TX_MAX_INPUTS}; when
     * full, a larger coin replaces the smallest chosen (the C wallet's rule).
     */
    static List<Coin> choose(List<Coin> coins, long satoshi) {
        List<Coin> ordered = new ArrayList<>(
                coins.stream().filter(c -> c.confirmations() > 0).toList());
        ordered.addAll(coins.stream().filter(c -> c.confirmations() == 0).toList());
        List<Coin> chosen = new ArrayList<>();
        for (Coin c : ordered) {
            if (chosen.stream().mapToLong(Coin::amount).sum() >= satoshi) {
                break;
            }
            if (chosen.size() < Protocol.TX_MAX_INPUTS) {
                chosen.add(c);
            } else {
                Coin smallest = chosen.stream()
                        .min((a, b) -> Long.compare(a.amount(), b.amount()))
                        .orElseThrow();
                if (c.amount() > smallest.amount()) {
                    chosen.set(chosen.indexOf(smallest), c);
                }
            }
        }
        long have = chosen.stream().mapToLong(Coin::amount).sum();
        if (have < satoshi) {
            throw new UserError("not enough funds: " + bits(have) + " bits spendable in " + Protocol.TX_MAX_INPUTS
                    + " inputs, " + bits(satoshi) + " asked");
        }
        return chosen;
    }

    /**
     * The wallet key of data directory {@code data}, made (as {@code setup} makes it) if there is none
     * yet: for a devnet node whose rewards its wallet claims.
     */
    static PrivateKey keyIn(Path data) throws IOException {
        Path file = data.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            Files.createDirectories(data);
            writeKey(file, PrivateKey.random(new SecureRandom()));
        }
        return TxArgs.key(Files.readString(file));
    }

    private static void writeKey(Path file, PrivateKey key) throws IOException {
        Files.writeString(
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r--------"))),
                PrivateKeyCodec.encode(key, AddressStyle.PETTYCOIN_TEST) + "\n",
                StandardOpenOption.WRITE);
    }

    PrivateKey key() throws IOException {
        Path file = dataDir().resolve(KEY_FILE);
        if (!Files.exists(file)) {
            throw new UserError("no wallet: run 'pettycoin wallet setup' first (" + file + ")");
        }
        return TxArgs.key(Files.readString(file));
    }

    /** Our unspent outputs, from listtransactions with minconf 0 (pending included). */
    List<Coin> unspent(PrivateKey key) throws IOException {
        Address me = Hash160.addressOf(Secp256k1.get().publicKeyOf(key));
        String mine = AddressCodec.encode(me, AddressStyle.PETTYCOIN_TEST);
        RpcClient.Response r =
                rpc("listtransactions", JSON.createArrayNode().add(mine).add(0));
        List<Coin> outputs = new ArrayList<>();
        Set<Input> spent = new HashSet<>();
        String myKey = Hex.encode(Secp256k1.get().publicKeyOf(key).toByteArray());
        for (JsonNode tx : r.result()) {
            Hash256 txid = Hash256.fromHex(tx.path("txid").asText());
            long conf = tx.path("confirmations").asLong(0);
            String type = tx.path("type").asText();
            if (type.equals("TX_NORMAL")) {
                if (tx.path("output_addr").asText().equals(mine)) {
                    outputs.add(
                            new Coin(new Input(txid, 0), tx.path("send_amount").asLong(), conf));
                }
                if (tx.path("input_key").asText().equalsIgnoreCase(myKey)) {
                    outputs.add(new Coin(
                            new Input(txid, 1), tx.path("change_amount").asLong(), conf));
                }
            } else if (type.equals("TX_CLAIM")) {
                if (tx.path("input_key").asText().equalsIgnoreCase(myKey)) {
                    outputs.add(new Coin(new Input(txid, 0), tx.path("amount").asLong(), conf));
                }
            } else if (type.equals("TX_FROM_GATEWAY")) {
                JsonNode vout = tx.path("vout");
                for (int i = 0; i < vout.size(); i++) {
                    if (vout.get(i).path("output_addr").asText().equals(mine)) {
                        outputs.add(new Coin(
                                new Input(txid, i),
                                vout.get(i).path("send_amount").asLong(),
                                conf));
                    }
                }
            }
            for (JsonNode in : tx.path("vin")) {
                spent.add(new Input(
                        Hash256.fromHex(in.path("input").asText()),
                        in.path("output").asInt()));
            }
        }
        outputs.removeIf(c -> c.amount() == 0 || spent.contains(c.input()));
        return outputs;
    }

    RpcClient.Response rpc(String method, ArrayNode params) throws IOException {
        RpcClient.Response r = rpcResponse(method, params);
        if (r.error().isPresent()) {
            throw new UserError(method + ": " + r.error().get());
        }
        return r;
    }

    /** One call; an error reply is returned, not thrown. */
    RpcClient.Response rpcResponse(String method, ArrayNode params) throws IOException {
        if (rpcFile.isEmpty()) {
            throw new UserError("--rpc-file is empty: there is no socket to reach the node on");
        }
        Path socket = dataDir().resolve(rpcFile);
        try (RpcClient c = RpcClient.connect(socket)) {
            return c.call(method, JSON.getNodeFactory().textNode("wallet"), params);
        } catch (IOException e) {
            throw new UserError("cannot reach the node at " + socket + ": is it running? (" + e.getMessage() + ")");
        }
    }

    static String bits(long satoshi) {
        return BigDecimal.valueOf(satoshi).movePointLeft(2).setScale(2).toPlainString();
    }

    static long satoshi(String bits) {
        try {
            BigDecimal b = new BigDecimal(bits);
            if (b.signum() <= 0 || b.scale() > 2) {
                throw new UserError("amount must be positive bits with at most 2 decimals: '" + bits + "'");
            }
            return b.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UserError("amount must be a number of bits, e.g. 12.50: '" + bits + "'");
        }
    }
}
