package org.pettycoin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import org.pettycoin.bench.BenchReport;
import org.pettycoin.bench.FullBlocks;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.BlockIntake;
import org.pettycoin.chainstate.BlockfileLoader;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.DetachedBlockPool;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.store.Blockfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pettycoin bench chain}: in-process chain figures, and the helpers the other benches print with. */
@Command(
        name = "chain",
        mixinStandardHelpOptions = true,
        description = {
            "Mine a regtest chain in-process, then measure header validation and attach",
            "(blocks/s), and start-up replay of the same chain from a blockfile (blocks/s).",
            "Then the same for a shorter chain of full blocks (with transactions): blocks, shards",
            "and txs accepted as from a peer (blocks/s, txs/s), and their blockfile replay."
        })
final class ChainBench implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(
            names = "--blocks",
            defaultValue = "20000",
            paramLabel = "N",
            description = "chain length (default: ${DEFAULT-VALUE})")
    private int blocks;

    @Option(
            names = "--full-blocks",
            defaultValue = "300",
            paramLabel = "N",
            description = "length of the chain of blocks with transactions (default: ${DEFAULT-VALUE})")
    private int fullBlocks;

    @Option(
            names = "--txs-per-block",
            defaultValue = "100",
            paramLabel = "T",
            description = "transactions in each of those blocks, at most 1020 (default: ${DEFAULT-VALUE})")
    private int txsPerBlock;

    @Override
    public Integer call() throws IOException {
        if (blocks < 1 || fullBlocks < 0) {
            throw new UserError("--blocks must be at least 1 and --full-blocks at least 0");
        }
        if (txsPerBlock < 1 || txsPerBlock > 4 * PendingPool.MAX_PER_SHARD) {
            throw new UserError("--txs-per-block must be 1.." + 4 * PendingPool.MAX_PER_SHARD);
        }
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        BlockTree source = new BlockTree(Network.REGTEST);
        ChainBuilder builder = new ChainBuilder(source, Address.fromHex("55".repeat(20)));
        BlockNode tip = builder.extend(source.genesis(), blocks);
        BenchReport.report(out, "mine (regtest, ~256 hashes a block)", blocks, t0);
        List<Block> chain = builder.built();
        long now = tip.block().tailer().timestamp() + 60;

        long t1 = System.nanoTime();
        BlockTree tree = new BlockTree(Network.REGTEST);
        BlockIntake intake = new BlockIntake(tree, new DetachedBlockPool(), () -> now, () -> 0L);
        for (Block b : chain) {
            if (intake.receive(b).status() != BlockIntake.Status.ATTACHED) {
                throw new IllegalStateException("a built block did not attach");
            }
        }
        BenchReport.report(out, "header checks + attach", blocks, t1);

        BenchReport.withBlockfileOf(builder, file -> {
            String kib = Files.size(file) / 1024 + " KiB";
            // As a node replays at start-up: first thing in a new JVM. Replayed here, after the header
            // phase, the JIT's code for the one block path was shaped by that phase and is thrown away.
            JsonNode child = Json.parse(ChildJvm.run(
                    "blockfile",
                    "check",
                    "--network",
                    "regtest",
                    "--mocktime",
                    Long.toString(now),
                    "--timing",
                    file.toString()));
            if (!child.path("tip").path("id").asText().equals(tip.id().hex())) {
                throw new IllegalStateException("the fresh JVM's replay reached another tip");
            }
            BenchReport.reportSeconds(
                    out,
                    "blockfile replay, fresh JVM (" + kib + ")",
                    child.path("blocks").asLong(),
                    child.path("replay_seconds").asDouble());
            long t2 = System.nanoTime();
            BlockfileLoader.Summary s;
            try (Blockfile f = Blockfile.open(file)) {
                s = new BlockfileLoader(
                                new ChainState(Network.REGTEST, ChainState.Config.DEFAULT, () -> now, () -> now * 1000))
                        .load(f);
            }
            BenchReport.report(out, "blockfile replay, same JVM after headers", s.blocks(), t2);
            if (!s.tip().id().equals(tip.id())) {
                throw new IllegalStateException("replay reached another tip");
            }
        });
        if (fullBlocks > 0) {
            new FullBlocks(out, fullBlocks, txsPerBlock).run();
        }
        out.printf("peak heap: %.1f MiB%n", BenchReport.peakHeapBytes() / 1048576.0);
        out.flush();
        return 0;
    }
}
