package org.pettycoin.mining;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Difficulty;
import org.pettycoin.chain.PrevTxhashes;
import org.pettycoin.chain.Retarget;
import org.pettycoin.consensus.HeaderValidator;
import org.pettycoin.consensus.MerkleTree;
import org.pettycoin.crypto.Sha256Midstate;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockCodec;
import org.pettycoin.protocol.BlockHeader;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.BlockTailer;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.store.Blockfile;

/**
 * Builds valid chains quickly in-process, for tests and benchmarks: each block is mined for real
 * against the required difficulty (about 256 hashes a block on regtest), with correct prevs,
 * prev_txhashes and timestamps, on any branch of its own tree. Blocks are empty (all shards have no
 * transactions), so every prev_txhashes byte is the hash of the miner's address.
 */
public final class ChainBuilder {
    /** Default spacing between timestamps: the test network's target. */
    public static final long DEFAULT_SPACING_SECS = 10;

    private final BlockTree tree;
    private final Address feesTo;
    private final List<Block> built = new ArrayList<>();

    public ChainBuilder(BlockTree tree, Address feesTo) {
        this.tree = tree;
        this.feesTo = feesTo;
    }

    public BlockTree tree() {
        return tree;
    }

    /** Every block built so far, in the order built (parents before children). */
    public List<Block> built() {
        return Collections.unmodifiableList(built);
    }

    /** Writes every block built so far to a new blockfile at {@code path}, as BLOCK records in the order built. */
    public void writeBlockfile(Path path) throws IOException {
        try (Blockfile file = Blockfile.open(path)) {
            file.replay((frame, offset) -> Optional.empty());
            for (Block b : built) {
                file.append(PacketCodec.encode(new BlockPacket(b)));
            }
        }
    }

    /** Mines and attaches a child of {@code parent} with the given timestamp. */
    public BlockNode mine(BlockNode parent, long timestamp) {
        Block block = solve(template(parent, timestamp));
        BlockNode node = tree.add(block, BlockIds.id(block));
        built.add(block);
        return node;
    }

    /** Mines {@code count} blocks on top of {@code from}, spaced {@link #DEFAULT_SPACING_SECS} apart. */
    public BlockNode extend(BlockNode from, int count) {
        BlockNode tip = from;
        for (int i = 0; i < count; i++) {
            tip = mine(tip, tip.block().tailer().timestamp() + DEFAULT_SPACING_SECS);
        }
        return tip;
    }

    /** An unsolved child of {@code parent}: everything right but the nonce. */
    public Block template(BlockNode parent, long timestamp) {
        long height = parent.height() + 1;
        int shards = 1 << Protocol.INITIAL_SHARD_ORDER;
        int emptyShardByte = PrevTxhashes.byteFor(feesTo, List.of());
        byte[] prevTxhashes = new byte[(int) PrevTxhashes.expectedCountForChildOf(parent)];
        java.util.Arrays.fill(prevTxhashes, (byte) emptyShardByte);
        BlockHeader header = new BlockHeader(0, Protocol.INITIAL_SHARD_ORDER, Bytes.of(new byte[13]),
                prevTxhashes.length, height, feesTo, HeaderValidator.expectedPrevs(parent));
        return new Block(header, Bytes.of(new byte[shards]), Collections.nCopies(shards, MerkleTree.EMPTY_SHARD_ROOT),
                Bytes.of(prevTxhashes), new BlockTailer(timestamp, Retarget.requiredForChildOf(parent,
                tree.network()), 0));
    }

    /** Varies nonce1 (then nonce2) until the id beats the block's target. */
    public static Block solve(Block template) {
        Sha256Midstate midstate = new Sha256Midstate(BlockIds.prefix(template));
        BlockTailer t = template.tailer();
        for (long nonce = 0; nonce <= 0xffffffffL; nonce++) {
            BlockTailer tailer = new BlockTailer(t.timestamp(), t.difficulty(), nonce);
            Hash256 id = midstate.hash(BlockCodec.encodeTailer(tailer));
            if (Difficulty.beatsTarget(id, t.difficulty())) {
                return new Block(template.header(), template.numTxs(), template.merkles(), template.prevTxhashes(),
                        tailer);
            }
        }
        throw new IllegalStateException("no nonce1 solves this block; vary nonce2");
    }
}
