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
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.chain.Retarget;
import org.pettycoin.chainstate.BlockFlags;
import org.pettycoin.chainstate.BlockIntake;
import org.pettycoin.chainstate.ChainInput;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.ContentResult;
import org.pettycoin.chainstate.Origin;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.consensus.HeaderValidator;
import org.pettycoin.consensus.KnownTx;
import org.pettycoin.consensus.MerkleTree;
import org.pettycoin.consensus.TxShards;
import org.pettycoin.consensus.TxSlot;
import org.pettycoin.crypto.Sha256Midstate;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockCodec;
import org.pettycoin.protocol.BlockHeader;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.BlockTailer;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.TxWithProof;
import org.pettycoin.store.Blockfile;

/**
 * Builds valid chains quickly in-process, for tests and benchmarks: each block is mined for real
 * against the required difficulty (about 256 hashes a block on regtest), with correct prevs,
 * prev_txhashes and timestamps, on any branch, with any transactions. {@link #build} only makes the
 * block (valid or not: tests feed broken ones to a node); {@link #mine} also hands it to the chain
 * it builds on, which is either a bare {@link BlockTree} (empty blocks only) or a whole
 * {@link ChainState}, fed as a peer would feed it: the block, then its shards, then every tx. Its
 * {@link #template} is also the one the {@link Miner} hashes, so there is one way to build a block.
 */
public final class ChainBuilder {
    /** Default spacing between timestamps: the test network's target. */
    public static final long DEFAULT_SPACING_SECS = 10;

    private static final int SHARDS = 1 << Protocol.INITIAL_SHARD_ORDER;
    private int vote;

    /** Where a mined block goes: attached, and its node returned. */
    @FunctionalInterface
    private interface BlockSink {
        BlockNode accept(MinedBlock mined);
    }

    private final BlockTree tree;
    private final Address feesTo;
    private final ContentSource contents;
    private final BlockSink sink;
    private final List<MinedBlock> built = new ArrayList<>();
    /** Contents of every block this builder made, mined or only built: a miner knows its own blocks. */
    private final java.util.Map<Hash256, MinedBlock> own = new java.util.HashMap<>();

    private final Optional<ChainState> state;

    private ChainBuilder(
            BlockTree tree, Address feesTo, ContentSource contents, BlockSink sink, Optional<ChainState> state) {
        this.tree = tree;
        this.state = state;
        this.feesTo = feesTo;
        this.contents = contents;
        this.sink = sink;
    }

    /**
     * Builds blocks straight into a tree (no contents, no checks): the fastest way to a long chain.
     * Contents are not tracked, see {@link ContentSource#HEADERS_ONLY}.
     */
    public ChainBuilder(BlockTree tree, Address feesTo) {
        this(tree, feesTo, ContentSource.HEADERS_ONLY, mined -> tree.add(mined.block(), mined.id()), Optional.empty());
    }

    /**
     * Builds blocks with transactions into a node's chain state, through the same entry points
     * peers use ({@link ChainInput#processBlock} as our own block: its work is known good). Give a
     * running node's {@link org.pettycoin.chainstate.NodeLoop} so that what it builds is journaled.
     */
    public static ChainBuilder on(ChainInput input, Address feesTo) {
        ChainState state = input.chain();
        return new ChainBuilder(
                state.tree(), feesTo, state::shardTxsWithRefs, mined -> feed(input, mined), Optional.of(state));
    }

    private static BlockNode feed(ChainInput input, MinedBlock mined) {
        ChainState.BlockReceipt r =
                input.processBlock(ReceivedBlock.of(mined.block(), mined.id()), BlockFlags.OWN, Origin.LOCAL);
        if (!(r.intake() instanceof BlockIntake.Attached)) {
            throw new IllegalStateException("built block not attached: " + r.intake());
        }
        for (ShardPacket p : mined.shardPackets()) {
            expectStored(input.receiveShard(p, Origin.LOCAL), mined);
        }
        for (TxWithProof t : mined.provenTxs()) {
            expectStored(input.receiveTxInBlock(t, Origin.LOCAL), mined);
        }
        return input.chain().tree().find(mined.id()).orElseThrow();
    }

    private static void expectStored(ContentResult r, MinedBlock mined) {
        if (!(r instanceof ContentResult.Stored || r instanceof ContentResult.AlreadyKnown)) {
            throw new IllegalStateException("contents of built block " + mined.id() + " refused: " + r);
        }
    }

    public BlockTree tree() {
        return tree;
    }

    /** The features vote byte of the blocks built from now on (0 until set, as C's miner votes). */
    public ChainBuilder voting(int featuresVote) {
        if (featuresVote < 0 || featuresVote > 0xff) {
            throw new IllegalArgumentException("a vote is one byte, got " + featuresVote);
        }
        this.vote = featuresVote;
        return this;
    }

    /** Every block mined so far, in the order mined (parents before children). */
    public List<Block> built() {
        return built.stream().map(MinedBlock::block).toList();
    }

    /** Every block mined so far with its contents. */
    public List<MinedBlock> builtWithContents() {
        return Collections.unmodifiableList(built);
    }

    /**
     * Writes every block mined so far to a new blockfile at {@code path}: each block record followed
     * by its tx records, in the order mined, as a node writes them.
     */
    public void writeBlockfile(Path path) throws IOException {
        try (Blockfile file = Blockfile.open(path)) {
            file.replay((frame, offset) -> Optional.empty());
            for (MinedBlock b : built) {
                file.append(PacketCodec.encode(new BlockPacket(b.block())));
                for (TxWithProof t : b.provenTxs()) {
                    file.append(PacketCodec.encode(new TxInBlockPacket(t)));
                }
            }
        }
    }

    /** Mines and attaches an empty child of {@code parent} with the given timestamp. */
    public BlockNode mine(BlockNode parent, long timestamp) {
        return mine(parent, timestamp, List.of());
    }

    /**
     * Mines and attaches a child of {@code parent} holding {@code txs}, each in its home shard
     * ({@code shard_of_tx}, order 2) in canonical order, as a C miner places them.
     */
    public BlockNode mine(BlockNode parent, long timestamp, List<TxAndRefs> txs) {
        MinedBlock mined = build(parent, timestamp, placeByShard(txs));
        BlockNode node = sink.accept(mined);
        built.add(mined);
        return node;
    }

    /** Mines {@code count} empty blocks on top of {@code from}, spaced {@link #DEFAULT_SPACING_SECS} apart. */
    public BlockNode extend(BlockNode from, int count) {
        BlockNode tip = from;
        for (int i = 0; i < count; i++) {
            tip = mine(tip, tip.block().tailer().timestamp() + DEFAULT_SPACING_SECS);
        }
        return tip;
    }

    /** Each of {@code txs} as {@link #withRefs(BlockNode, Tx)} makes it, in order. */
    public List<TxAndRefs> allWithRefs(BlockNode parent, Tx... txs) {
        List<TxAndRefs> out = new ArrayList<>(txs.length);
        for (Tx tx : txs) {
            out.add(withRefs(parent, tx));
        }
        return out;
    }

    /**
     * {@code tx} with refs for a child of {@code parent}: each input's slot as the chain state finds
     * it in {@code parent} or its ancestors (the same refs a miner's pending pool makes).
     *
     * @throws IllegalStateException if an input is not in that chain, or this builder has no chain state
     */
    public TxAndRefs withRefs(BlockNode parent, Tx tx) {
        ChainState s = state.orElseThrow(() -> new IllegalStateException("a bare tree holds no txs"));
        List<InputRef> refs = new ArrayList<>(tx.inputs().size());
        for (Input in : tx.inputs()) {
            TxSlot slot = s.findInChain(parent, in.txid())
                    .map(KnownTx::slot)
                    .orElseThrow(() ->
                            new IllegalStateException("input " + in.txid() + " is not in the chain of " + parent));
            refs.add(new InputRef(parent.height() + 1 - slot.block().height(), slot.shard(), slot.txoff()));
        }
        return new TxAndRefs(tx, refs);
    }

    /** What the pool would put in a child of the mining head, as block contents. */
    public static List<TxAndRefs> pendingContents(PendingPool pool) {
        List<TxAndRefs> out = new ArrayList<>();
        pool.forNextBlock().forEach(shard -> shard.forEach(r -> out.add(new TxAndRefs(r.tx(), r.refs()))));
        return out;
    }

    /** Sorts txs into their home shards (initial shard order), canonical order within each. */
    public static List<List<TxAndRefs>> placeByShard(List<TxAndRefs> txs) {
        List<List<TxAndRefs>> shards = new ArrayList<>(SHARDS);
        for (int s = 0; s < SHARDS; s++) {
            shards.add(new ArrayList<>());
        }
        for (TxAndRefs t : txs) {
            shards.get(TxShards.shardOf(t.tx(), Protocol.INITIAL_SHARD_ORDER)).add(t);
        }
        shards.forEach(s -> s.sort((a, b) -> TxShards.CANONICAL_ORDER.compare(a.tx(), b.tx())));
        return shards;
    }

    /**
     * Solves a child of {@code parent} with exactly these shard contents (in the order given, so a
     * test can build a misordered block), without attaching it anywhere.
     */
    public MinedBlock build(BlockNode parent, long timestamp, List<List<TxAndRefs>> shards) {
        MinedBlock mined = new MinedBlock(solve(template(parent, timestamp, shards)), shards);
        own.put(mined.id(), mined);
        return mined;
    }

    /** An unsolved empty child of {@code parent}: everything right but the nonce. */
    public Block template(BlockNode parent, long timestamp) {
        return template(parent, timestamp, Collections.nCopies(SHARDS, List.of()));
    }

    /** An unsolved child of {@code parent} with these shard contents. */
    public Block template(BlockNode parent, long timestamp, List<List<TxAndRefs>> shards) {
        if (shards.size() != SHARDS) {
            throw new IllegalArgumentException("a block has " + SHARDS + " shards, got " + shards.size());
        }
        long height = parent.height() + 1;
        byte[] numTxs = new byte[SHARDS];
        List<Hash256> merkles = new ArrayList<>(SHARDS);
        for (int s = 0; s < SHARDS; s++) {
            List<TxAndRefs> txs = shards.get(s);
            if (txs.size() > PendingPool.MAX_PER_SHARD) {
                throw new IllegalArgumentException("shard " + s + " holds " + txs.size() + " txs");
            }
            numTxs[s] = (byte) txs.size();
            merkles.add(MerkleTree.root(txs.stream().map(TxAndRefs::hash).toList()));
        }
        byte[] prevTxhashes = prevTxhashes(parent);
        BlockHeader header = new BlockHeader(
                vote,
                Protocol.INITIAL_SHARD_ORDER,
                Bytes.of(new byte[13]),
                prevTxhashes.length,
                height,
                feesTo,
                HeaderValidator.expectedPrevs(parent));
        return new Block(
                header,
                Bytes.of(numTxs),
                merkles,
                Bytes.of(prevTxhashes),
                new BlockTailer(timestamp, Retarget.requiredForChildOf(parent, tree.network()), 0));
    }

    /** One byte per shard of each covered block (C's prev_txhashes.c): a miner must hold all their txs. */
    private byte[] prevTxhashes(BlockNode parent) {
        byte[] out = new byte[(int) PrevTxhashes.expectedCountForChildOf(parent)];
        int i = 0;
        for (long h : PrevTxhashes.coveredHeights(parent.height() + 1)) {
            BlockNode covered = parent.ancestor(parent.height() - h).orElseThrow();
            for (int s = 0; s < covered.block().numShards(); s++) {
                int shard = s;
                List<byte[]> txs = ownContents(covered, s)
                        .or(() -> contents.shardTxsWithRefs(covered, shard))
                        .orElseThrow(() -> new IllegalStateException(
                                "cannot mine on " + parent + ": contents of " + covered + " unknown"));
                out[i++] = (byte) PrevTxhashes.byteFor(feesTo, txs);
            }
        }
        return out;
    }

    private Optional<List<byte[]>> ownContents(BlockNode block, int shard) {
        MinedBlock mined = own.get(block.id());
        if (mined == null) {
            return Optional.empty();
        }
        return Optional.of(mined.shards().get(shard).stream()
                .map(t -> TxCodec.encodeWithRefs(t.tx(), t.refs()))
                .toList());
    }

    /** Varies nonce1 until the id beats the block's target. */
    public static Block solve(Block template) {
        Sha256Midstate midstate = new Sha256Midstate(BlockIds.prefix(template));
        BlockTailer t = template.tailer();
        for (long nonce = 0; nonce <= 0xffffffffL; nonce++) {
            BlockTailer tailer = new BlockTailer(t.timestamp(), t.difficulty(), nonce);
            Hash256 id = midstate.hash(BlockCodec.encodeTailer(tailer));
            if (Difficulty.beatsTarget(id, t.difficulty())) {
                return new Block(
                        template.header(), template.numTxs(), template.merkles(), template.prevTxhashes(), tailer);
            }
        }
        throw new IllegalStateException("no nonce1 solves this block; vary nonce2");
    }
}
