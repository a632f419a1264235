package org.pettycoin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.store.Blockfile;

/**
 * Regtest chains of empty blocks for the sync benchmark, written as blockfiles that nodes start
 * from: one chain from genesis, or two branches from a common prefix. Only the files, tips and
 * counts are kept, not the blocks, so the chains cost no heap while nodes run.
 */
public final class BenchChains {
    private static final Address SHARED_MINER = Address.fromHex("c0".repeat(20));
    private static final Address MINER_A = Address.fromHex("a0".repeat(20));
    private static final Address MINER_B = Address.fromHex("b0".repeat(20));

    private BenchChains() {}

    /** A chain of {@code blocks} after genesis in {@code blockfile}. */
    public record Linear(Path blockfile, int blocks, Hash256 tip, long lastTimestamp) {}

    /**
     * Two branches of {@code a} and {@code b} blocks on a common prefix of {@code common} after
     * genesis; {@code blockfileA} holds the prefix and branch a, {@code blockfileB} the prefix and b.
     */
    public record Forked(
            Path blockfileA,
            Path blockfileB,
            int common,
            int a,
            int b,
            Hash256 tipA,
            Hash256 tipB,
            long lastTimestamp) {
        /** Every block of both branches, genesis included. */
        public long allBlocks() {
            return 1L + common + a + b;
        }
    }

    public static Linear linear(int blocks, Path blockfile) throws IOException {
        BlockTree tree = new BlockTree(Network.REGTEST);
        ChainBuilder miner = new ChainBuilder(tree, SHARED_MINER);
        BlockNode tip = miner.extend(tree.genesis(), blocks);
        miner.writeBlockfile(blockfile);
        return new Linear(blockfile, blocks, tip.id(), tip.block().tailer().timestamp());
    }

    public static Forked forked(int common, int a, int b, Path blockfileA, Path blockfileB) throws IOException {
        BlockTree tree = new BlockTree(Network.REGTEST);
        ChainBuilder shared = new ChainBuilder(tree, SHARED_MINER);
        BlockNode fork = shared.extend(tree.genesis(), common);
        ChainBuilder minerA = new ChainBuilder(tree, MINER_A);
        BlockNode tipA = minerA.extend(fork, a);
        ChainBuilder minerB = new ChainBuilder(tree, MINER_B);
        BlockNode tipB = minerB.extend(fork, b);
        List<Block> prefix = shared.built();
        write(blockfileA, prefix, minerA.built());
        write(blockfileB, prefix, minerB.built());
        return new Forked(
                blockfileA,
                blockfileB,
                common,
                a,
                b,
                tipA.id(),
                tipB.id(),
                Math.max(
                        tipA.block().tailer().timestamp(), tipB.block().tailer().timestamp()));
    }

    /** A new data directory {@code dataDir} whose blockfile is a copy of {@code blockfile}. */
    public static Path install(Path blockfile, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Files.copy(blockfile, dataDir.resolve(Blockfile.FILE_NAME));
        return dataDir;
    }

    @SafeVarargs
    private static void write(Path file, List<Block>... parts) throws IOException {
        try (Blockfile f = Blockfile.open(file)) {
            f.replay((frame, offset) -> Optional.empty());
            for (List<Block> part : parts) {
                for (Block blk : part) {
                    f.append(PacketCodec.encode(new BlockPacket(blk)));
                }
            }
        }
    }
}
