package org.pettycoin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.pettycoin.chain.Genesis;
import org.pettycoin.chain.Network;
import org.pettycoin.protocol.Block;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pettycoin genesis}: prints a genesis block as JSON, like the C {@code mkgenesis}. */
@Command(
        name = "genesis",
        mixinStandardHelpOptions = true,
        description = {
            "Print a genesis block as JSON (id, fields, hex).",
            "Either a preset network's genesis, or one made from DIFFICULTY TIMESTAMP NONCE",
            "exactly as the C mkgenesis tool does."
        },
        footer = {
            "",
            "Examples:",
            "  pettycoin genesis --network testnet",
            "  pettycoin genesis 0x1d3bffc4 1404886369 MarcusArabellAlex"
        })
final class GenesisCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    static final class Source {
        @Option(names = "--network", paramLabel = "NETWORK", description = "testnet or regtest")
        private String network;

        @Parameters(
                arity = "3",
                paramLabel = "DIFFICULTY TIMESTAMP NONCE",
                description = "compact difficulty (e.g. 0x1d3bffc4), unix time, and a 17-byte nonce string")
        private List<String> args;
    }

    @Override
    public Integer call() {
        Block genesis;
        ObjectNode out = Json.object();
        if (source.network != null) {
            Network net = parseNetwork(source.network);
            genesis = net.genesis();
            out.put("network", net.cliName());
        } else {
            long difficulty = CNumbers.parseU32(source.args.get(0), "DIFFICULTY");
            long timestamp = CNumbers.parseU32(source.args.get(1), "TIMESTAMP");
            try {
                genesis = Genesis.make(difficulty, timestamp, source.args.get(2));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        out.setAll(BlockJson.of(genesis));
        Json.print(spec.commandLine().getOut(), out);
        return 0;
    }

    static Network parseNetwork(String name) {
        try {
            return Network.fromName(name);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
