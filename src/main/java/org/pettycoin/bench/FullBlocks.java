package org.pettycoin.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.chainstate.BlockFlags;
import org.pettycoin.chainstate.BlockIntake;
import org.pettycoin.chainstate.BlockfileJournal;
import org.pettycoin.chainstate.BlockfileLoader;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.ContentResult;
import org.pettycoin.chainstate.Origin;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.mining.MinedBlock;
import org.pettycoin.mining.TxAndRefs;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxWithProof;

/**
 * The full-block part of {@code bench chain}: a regtest chain whose blocks carry transactions
 * (deposits, and payments spending earlier outputs), accepted by a fresh node as a peer would send
 * it (block, then its shards, then every tx with its proof), then replayed from a blockfile.
 */
public final class FullBlocks {
    private static final Address MINER = Address.fromHex("66".repeat(20));
    private static final int KEYS = 256;
    private static final long SEED = 7;

    private final PrintWriter out;
    private final int blocks;
    private final int txsPerBlock;
    private long now = Network.REGTEST.genesisTimestamp() + 60;

    public FullBlocks(PrintWriter out, int blocks, int txsPerBlock) {
        this.out = out;
        this.blocks = blocks;
        this.txsPerBlock = txsPerBlock;
    }

    /** A chain of full blocks written to a blockfile: its tip and its newest block's timestamp. */
    public record Chain(Path blockfile, Hash256 tip, long lastTimestamp) {}

    /**
     * Builds {@code blocks} blocks of {@code txsPerBlock} txs each (in every shard, many paying into
     * another) into {@code blockfile}, as {@code bench chain} builds them.
     */
    public static Chain chain(int blocks, int txsPerBlock, Path blockfile) throws IOException {
        FullBlocks f = new FullBlocks(new PrintWriter(Writer.nullWriter()), blocks, txsPerBlock);
        Built b = f.build();
        b.builder().writeBlockfile(blockfile);
        return new Chain(blockfile, b.tip().id(), b.tip().block().tailer().timestamp());
    }

    private record Built(ChainBuilder builder, BlockNode tip) {}

    private Built build() {
        ChainState source = newState();
        ChainBuilder builder = ChainBuilder.on(source, MINER);
        TxWorkload workload = new TxWorkload(KEYS, SEED);
        BlockNode tip = source.tree().genesis();
        for (int i = 0; i < blocks; i++) {
            long ts = tip.block().tailer().timestamp() + ChainBuilder.DEFAULT_SPACING_SECS;
            now = ts + 60;
            List<TxAndRefs> txs = new ArrayList<>(txsPerBlock);
            for (Tx tx : workload.nextBlock(txsPerBlock)) {
                txs.add(builder.withRefs(tip, tx));
            }
            tip = builder.mine(tip, ts, txs);
        }
        return new Built(builder, tip);
    }

    public void run() throws IOException {
        long t0 = System.nanoTime();
        Built built0 = build();
        ChainBuilder builder = built0.builder();
        BlockNode tip = built0.tip();
        long totalTxs = (long) blocks * txsPerBlock;
        BenchReport.report(out, "sign, mine and accept " + txsPerBlock + "-tx blocks", blocks, t0);

        long t1 = System.nanoTime();
        ChainState target = newState();
        for (MinedBlock m : builder.builtWithContents()) {
            accept(target, m);
        }
        BenchReport.report(out, "full blocks accepted (block+shards+txs)", blocks, t1);
        BenchReport.reportTxs(out, "  of which txs accepted", totalTxs, t1);
        requireTip(target.miningHead(), tip, "acceptance");

        BlockNode built = tip;
        BenchReport.withBlockfileOf(builder, file -> {
            long t2 = System.nanoTime();
            BlockfileLoader.Summary s;
            try (BlockfileJournal journal = BlockfileJournal.open(file)) {
                ChainState loaded = newState();
                s = journal.load(loaded);
                requireTip(loaded.miningHead(), built, "replay");
            }
            BenchReport.report(
                    out, "full-block blockfile replay (" + Files.size(file) / 1024 + " KiB)", s.blocks(), t2);
        });
    }

    private ChainState newState() {
        return new ChainState(Network.REGTEST, ChainState.Config.DEFAULT, () -> now, () -> now * 1000);
    }

    private static void accept(ChainState target, MinedBlock m) {
        ChainState.BlockReceipt r =
                target.processBlock(ReceivedBlock.of(m.block(), m.id()), BlockFlags.PEER, Origin.LOCAL);
        if (!(r.intake() instanceof BlockIntake.Attached)
                || !r.prevTxhashesMismatch().isEmpty()) {
            throw new IllegalStateException("a built block did not attach cleanly: " + r);
        }
        for (ShardPacket p : m.shardPackets()) {
            requireStored(target.receiveShard(p));
        }
        for (TxWithProof t : m.provenTxs()) {
            requireStored(target.receiveTxInBlock(t));
        }
    }

    private static void requireStored(ContentResult r) {
        if (!(r instanceof ContentResult.Stored || r instanceof ContentResult.AlreadyKnown)) {
            throw new IllegalStateException("contents refused: " + r);
        }
    }

    private static void requireTip(BlockNode reached, BlockNode expected, String what) {
        if (!reached.id().equals(expected.id())) {
            throw new IllegalStateException(what + " reached " + reached + ", not " + expected);
        }
    }
}
