package org.pettycoin.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.chainstate.BlockFlags;
import org.pettycoin.chainstate.BlockIntake;
import org.pettycoin.chainstate.BlockfileJournal;
import org.pettycoin.chainstate.BlockfileLoader;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.ContentResult;
import org.pettycoin.chainstate.DetachedBlockPool;
import org.pettycoin.chainstate.Origin;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.consensus.GatewayPolicy;
import org.pettycoin.consensus.SignaturePool;
import org.pettycoin.consensus.TxChecks;
import org.pettycoin.consensus.TxSigning;
import org.pettycoin.consensus.VerifiedSignatures;
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
 * it (block, then its shards, then every tx with its proof), with signatures checked on the accepting
 * thread and then on a {@link SignaturePool} ahead of it, then replayed from a blockfile.
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

    /** One block as a peer sends it: the block, its shards' hashes, then each tx with its proof. */
    private record Incoming(ReceivedBlock block, List<ShardPacket> shards, List<TxWithProof> txs) {
        List<Tx> justTxs() {
            List<Tx> out = new ArrayList<>(txs.size());
            txs.forEach(t -> out.add(t.tx()));
            return out;
        }
    }

    /** Blocks pre-verified ahead of the one being accepted: enough to keep every worker busy. */
    private static final int PIPELINE_BLOCKS = 16;

    public void run() throws IOException {
        long t0 = System.nanoTime();
        Built built0 = build();
        ChainBuilder builder = built0.builder();
        BlockNode tip = built0.tip();
        long totalTxs = (long) blocks * txsPerBlock;
        BenchReport.report(out, "sign, mine and accept " + txsPerBlock + "-tx blocks", blocks, t0);

        // What the peer sends is made before the clock starts: its proofs are the sender's work.
        List<Incoming> incoming = new ArrayList<>(blocks);
        for (MinedBlock m : builder.builtWithContents()) {
            incoming.add(new Incoming(ReceivedBlock.of(m.block(), m.id()), m.shardPackets(), m.provenTxs()));
        }
        int threads = Runtime.getRuntime().availableProcessors();
        out.printf(
                "JVM %s, options %s; %d cores; signature pool of %d threads%n",
                System.getProperty("java.vm.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                threads,
                threads);
        // Two rounds, each inline then pooled, each on a fresh state with a cold signature cache; the
        // second round's pair is the comparison (the first also warms the JIT for both paths).
        double inlineRate = 0;
        double pooledRate = 0;
        for (int round = 1; round <= 2; round++) {
            inlineRate = acceptAll(incoming, Optional.empty(), tip, "inline, round " + round, totalTxs);
            TxSigning signing = new TxSigning();
            try (SignaturePool pool = new SignaturePool(signing, threads, SignaturePool.DEFAULT_QUEUE)) {
                pooledRate = acceptAll(incoming, Optional.of(pool), tip, "pool, round " + round, totalTxs, signing);
            }
        }
        out.printf("full-block txs accepted, pool / inline: %.2fx%n", pooledRate / inlineRate);

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

    private double acceptAll(
            List<Incoming> incoming, Optional<SignaturePool> pool, BlockNode tip, String how, long totalTxs) {
        return acceptAll(incoming, pool, tip, how, totalTxs, new TxSigning());
    }

    /**
     * Accepts every block on this thread (standing in for the node thread) into a fresh state whose
     * checks use {@code signing}; with a pool, each block's txs are pre-verified on it
     * {@link #PIPELINE_BLOCKS} ahead and a block is accepted once its pre-verification is done, as a
     * connection's packets wait for theirs. Returns txs/s.
     */
    private double acceptAll(
            List<Incoming> incoming,
            Optional<SignaturePool> pool,
            BlockNode tip,
            String how,
            long totalTxs,
            TxSigning signing) {
        ChainState target = new ChainState(
                Network.REGTEST,
                new ChainState.Config(
                        DetachedBlockPool.Limits.DEFAULT,
                        PendingPool.Policy.ACCEPT_ALL,
                        new TxChecks(signing, GatewayPolicy.TESTNET_ACCEPT_ALL)),
                () -> now,
                () -> now * 1000);
        List<CompletableFuture<Void>> ready = new ArrayList<>(incoming.size());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long cpu0 = cpu.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        int submitted = 0;
        for (int i = 0; i < incoming.size(); i++) {
            if (pool.isPresent()) {
                for (; submitted < incoming.size() && submitted <= i + PIPELINE_BLOCKS; submitted++) {
                    ready.add(pool.get().preverify(incoming.get(submitted).justTxs()));
                }
                ready.get(i).join();
            }
            accept(target, incoming.get(i));
        }
        double secs = (System.nanoTime() - t) / 1e9;
        double cpuMicrosPerTx = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e3 / totalTxs;
        BenchReport.reportSeconds(out, "full blocks accepted, " + how, blocks, secs);
        BenchReport.reportSecondsTxs(out, "  of which txs accepted", totalTxs, secs);
        requireTip(target.miningHead(), tip, "acceptance");
        VerifiedSignatures.Counts c = signing.verified().counts();
        out.printf("  signature cache: %d hits, %d misses%n", c.hits(), c.misses());
        // The accepting thread's own CPU time, which other load on the machine does not inflate: the
        // node thread's ceiling where the workers have cores of their own.
        out.printf(
                "  accepting thread CPU: %.1f us/tx (at most %.0f txs/s on that thread)%n",
                cpuMicrosPerTx, 1e6 / cpuMicrosPerTx);
        return totalTxs / secs;
    }

    private ChainState newState() {
        return new ChainState(Network.REGTEST, ChainState.Config.DEFAULT, () -> now, () -> now * 1000);
    }

    private static void accept(ChainState target, Incoming m) {
        ChainState.BlockReceipt r = target.processBlock(m.block(), BlockFlags.PEER, Origin.LOCAL);
        if (!(r.intake() instanceof BlockIntake.Attached)
                || !r.prevTxhashesMismatch().isEmpty()) {
            throw new IllegalStateException("a built block did not attach cleanly: " + r);
        }
        for (ShardPacket p : m.shards()) {
            requireStored(target.receiveShard(p));
        }
        for (TxWithProof t : m.txs()) {
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
