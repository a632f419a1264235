package org.pettycoin.cli;

import java.util.ArrayList;
import java.util.List;
import org.pettycoin.consensus.TxSigning;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code pettycoin tx}: builds and signs a transaction offline, like the C pettycoin-tx. */
@Command(
        name = "tx",
        mixinStandardHelpOptions = true,
        description = {
            "Build and sign a transaction offline and print it as JSON (or only its hex).",
            "Keys are WIF strings for the test network, in either style (e…, or P-c… as bitcoin prints them).",
            "Inputs are <txid>[/<output>] or raw:<tx hex>[/<output>]; the output defaults to 0."
        },
        subcommands = {
            TxCommand.FromGateway.class,
            TxCommand.Normal.class,
            TxCommand.ToGateway.class,
            TxCommand.Claim.class
        })
final class TxCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    /** Inherited, so it goes before the kind as in C's {@code pettycoin-tx --no-fee from-gateway …}, or after it. */
    @Option(
            names = "--no-fee",
            scope = ScopeType.INHERIT,
            description = "do not pay the fee (x*3/1024+1); nodes may refuse to mine it")
    private boolean noFee;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every kind shares. */
    static final class Common {
        @Option(names = "--hex", description = "print only the transaction's hex, as pettycoin-tx does")
        boolean hexOnly;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        /** Whether the tx pays the fee: {@code --no-fee} is the parent command's, wherever it was given. */
        boolean paysFee() {
            return !((TxCommand) spec.parent().userObject()).noFee;
        }

        int print(Tx tx) {
            if (hexOnly) {
                spec.commandLine().getOut().println(Hex.encode(TxCodec.encode(tx)));
                spec.commandLine().getOut().flush();
            } else {
                Json.print(spec.commandLine().getOut(), TxJson.of(tx));
            }
            return 0;
        }
    }

    @Command(
            name = "from-gateway",
            mixinStandardHelpOptions = true,
            description = "Inject funds as a gateway (on the test network every key may act as one).")
    static final class FromGateway implements java.util.concurrent.Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(index = "0", paramLabel = "GATEWAY_KEY")
        String key;

        @Parameters(
                index = "1..*",
                arity = "2..*",
                paramLabel = "DEST AMOUNT",
                description = "one or more pairs of destination address and amount; all in one shard")
        List<String> pairs;

        @Override
        public Integer call() {
            if (pairs.size() % 2 != 0) {
                throw new UserError("destinations and amounts come in pairs: DEST AMOUNT [DEST AMOUNT]...");
            }
            List<GatewayPayment> outputs = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i += 2) {
                outputs.add(new GatewayPayment(
                        TxArgs.amount(pairs.get(i + 1), "AMOUNT"), TxArgs.address(pairs.get(i), "DEST")));
            }
            return common.print(new TxSigning().fromGateway(TxArgs.key(key), outputs, common.paysFee()));
        }
    }

    /** The arguments of the two spending kinds. */
    abstract static class Spend implements java.util.concurrent.Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(index = "0", paramLabel = "KEY", description = "the key that owns the inputs")
        String key;

        @Parameters(index = "1", paramLabel = "DEST")
        String dest;

        @Parameters(index = "2", paramLabel = "SEND")
        String send;

        @Parameters(index = "3", paramLabel = "CHANGE", description = "returned to the key's own address")
        String change;

        @Parameters(index = "4..*", arity = "1..*", paramLabel = "INPUT", description = "1 to 4 inputs")
        List<String> inputs;

        List<Input> parsedInputs() {
            List<Input> out = new ArrayList<>();
            inputs.forEach(i -> out.add(TxArgs.input(i)));
            return out;
        }
    }

    @Command(
            name = "normal",
            aliases = "tx",
            mixinStandardHelpOptions = true,
            description = "Pay SEND to DEST from the given inputs, CHANGE back to yourself.")
    static final class Normal extends Spend {
        @Override
        public Integer call() {
            return common.print(new TxSigning()
                    .normal(
                            TxArgs.key(key),
                            TxArgs.address(dest, "DEST"),
                            TxArgs.amount(send, "SEND"),
                            TxArgs.amount(change, "CHANGE"),
                            parsedInputs(),
                            common.paysFee()));
        }
    }

    @Command(
            name = "to-gateway",
            mixinStandardHelpOptions = true,
            description = "Send SEND back to bitcoin through the gateway at DEST, CHANGE back to yourself.")
    static final class ToGateway extends Spend {
        @Override
        public Integer call() {
            return common.print(new TxSigning()
                    .toGateway(
                            TxArgs.key(key),
                            TxArgs.address(dest, "DEST"),
                            TxArgs.amount(send, "SEND"),
                            TxArgs.amount(change, "CHANGE"),
                            parsedInputs(),
                            common.paysFee()));
        }
    }

    @Command(
            name = "claim",
            mixinStandardHelpOptions = true,
            description = {
                "Claim a block fee reward. REWARD_TX/OUTPUT names the reward tx; C nodes only accept",
                "an output number of that tx's number of outputs plus one (C's check_claim_input; docs/c-differences.md #4)."
            })
    static final class Claim implements java.util.concurrent.Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "AMOUNT")
        String amount;

        @Parameters(index = "2", paramLabel = "REWARD_TX/OUTPUT")
        String input;

        @Override
        public Integer call() {
            return common.print(new TxSigning()
                    .claim(TxArgs.key(key), TxArgs.amount(amount, "AMOUNT"), TxArgs.input(input), common.paysFee()));
        }
    }
}
