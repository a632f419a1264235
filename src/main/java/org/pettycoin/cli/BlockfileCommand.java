package org.pettycoin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.BlockfileLoader;
import org.pettycoin.chainstate.ChainEvent;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.EventSink;
import org.pettycoin.store.Blockfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pettycoin blockfile}: tools for the on-disk chain. */
@Command(
        name = "blockfile",
        mixinStandardHelpOptions = true,
        description = "Blockfile tools.",
        subcommands = {BlockfileCommand.Check.class})
final class BlockfileCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Replay a blockfile read-only with every check a starting node applies, and print",
                "JSON: records read, blocks, txs, the most-work tip, the most-work tip whose contents are",
                "all present (known_tip), blocks found invalid by their contents, and where and why it",
                "stopped if it did. The file is never modified. Exit code 0 if every record was accepted",
                "and no block is invalid, 1 otherwise. \"Now\" is the system's time, or --mocktime."
            })
    static final class Check implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "a blockfile (e.g. ~/.pettycoin/blockfile)")
        private Path file;

        @Option(
                names = "--network",
                paramLabel = "NETWORK",
                defaultValue = "testnet",
                description = "testnet or regtest (default: ${DEFAULT-VALUE})")
        private String network;

        @Option(
                names = MockTime.OPTION,
                paramLabel = "SECONDS",
                defaultValue = "0",
                description = "check as of this Unix time (block timestamps may be at most 2 hours past it; "
                        + "the horizon is measured to it) instead of now, e.g. a chain made on an old date")
        private long mocktime;

        @Option(
                names = "--timing",
                description = "also print replay_seconds: how long the replay took, from opening the file to the "
                        + "last record (what a starting node spends before it listens)")
        private boolean timing;

        @Override
        public Integer call() {
            Network net = GenesisCommand.parseNetwork(network);
            if (!Files.isRegularFile(file)) {
                throw new UserError("no such file: " + file);
            }
            long now = MockTime.clock(mocktime).unixSeconds();
            ArrayNode invalid = Json.array();
            ChainState state = new ChainState(net, ChainState.Config.DEFAULT, () -> now, () -> now * 1000);
            EventSink report = events -> {
                for (ChainEvent e : events) {
                    if (e instanceof ChainEvent.BlockInvalidated i) {
                        invalid.addObject()
                                .put("id", i.block().id().hex())
                                .put("height", i.block().height())
                                .put("complaint", i.complaint().type().cName());
                    }
                }
            };
            BlockfileLoader.Summary s;
            long started = System.nanoTime();
            try (Blockfile f = Blockfile.openReadOnly(file)) {
                s = new BlockfileLoader(state, report).load(f);
            } catch (IOException e) {
                throw new UserError("cannot read " + file + ": " + e.getMessage());
            }
            long replayed = System.nanoTime();
            ObjectNode o = Json.object();
            o.put("file", file.toString());
            o.put("network", net.cliName());
            o.put("records", s.replay().records());
            o.put("blocks", s.blocks());
            o.put("txs", s.txs());
            o.put("txs_for_unknown_blocks", s.txsForUnknownBlocks());
            o.putObject("tip")
                    .put("id", s.tip().id().hex())
                    .put("height", s.tip().height());
            BlockNode known = state.miningHead();
            o.putObject("known_tip").put("id", known.id().hex()).put("height", known.height());
            o.set("invalid_blocks", invalid);
            o.put("valid_bytes", s.replay().validLength());
            o.put("file_bytes", s.replay().originalLength());
            o.put("complete", s.replay().stoppedBecause().isEmpty());
            if (timing) {
                o.put("replay_seconds", (replayed - started) / 1e9);
            }
            s.replay()
                    .stoppedBecause()
                    .ifPresent(why -> o.putObject("stopped")
                            .put("offset", s.replay().validLength())
                            .put("reason", why));
            Json.print(spec.commandLine().getOut(), o);
            return s.replay().stoppedBecause().isEmpty() && invalid.isEmpty() ? 0 : 1;
        }
    }
}
