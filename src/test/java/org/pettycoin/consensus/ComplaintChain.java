package org.pettycoin.consensus;

import static org.pettycoin.testing.TestKeys.key;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Position;
import org.pettycoin.protocol.Proof;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxRefHash;
import org.pettycoin.protocol.TxWithProof;
import org.pettycoin.testing.TestKeys;

/**
 * Blocks holding real txs, for complaint tests. No proof of work: {@link BlockTree#add} does not
 * check headers, and complaints only need a block's merkles and place in the tree. Keys are fixed so
 * every run builds the same chain. Block "A" (child of genesis) holds the gateway payments everything
 * else spends: {@link #GA} (1000 to Alice) at txoff 0, {@link #GB} (700 to Bob) at 1, {@link #GA2}
 * (500 to Alice) at 2, all in shard 0.
 */
final class ComplaintChain {
    static final TxSigning SIGNING = new TxSigning();
    static final PrivateKey ALICE = key(0x11);
    static final PrivateKey BOB = key(0x22);
    static final PrivateKey GATEWAY = key(0x33);
    static final Address ALICE_ADDR = TestKeys.address(ALICE);
    static final Address BOB_ADDR = TestKeys.address(BOB);
    static final Address MINER = Address.fromHex("1201212a5b494784a924f2e0249bf4c268af1d0e");
    /** A block id nobody holds. */
    static final Hash256 NOWHERE = Hash256.fromHex("ab".repeat(32));

    static final FromGatewayTx GA = SIGNING.fromGateway(GATEWAY, List.of(new GatewayPayment(1000, ALICE_ADDR)), false);
    static final FromGatewayTx GB = SIGNING.fromGateway(GATEWAY, List.of(new GatewayPayment(700, BOB_ADDR)), false);
    static final FromGatewayTx GA2 = SIGNING.fromGateway(GATEWAY, List.of(new GatewayPayment(500, ALICE_ADDR)), false);

    /** A tx and the refs it has in its block. */
    record Placed(Tx tx, List<InputRef> refs) {
        TxRefHash leaf() {
            return TxHashes.txRefHash(tx, refs);
        }
    }

    private record Slot(Hash256 block, int shard, int txoff) {}

    final BlockTree tree = new BlockTree(Network.REGTEST);
    final BlockNode a;
    final ComplaintChecks checks = new ComplaintChecks(tree, new TxChecks());
    private final ChainBuilder builder = new ChainBuilder(tree, MINER);
    private final Map<Hash256, Map<Integer, List<TxRefHash>>> leaves = new HashMap<>();
    private final Map<Slot, Placed> placed = new HashMap<>();

    ComplaintChain() {
        a = block(tree.genesis(), 0, placed(GA), placed(GB), placed(GA2));
    }

    static Placed placed(Tx tx, InputRef... refs) {
        return new Placed(tx, List.of(refs));
    }

    /** Output {@code output} of {@code tx}, as an input names it. */
    static Input out(Tx tx, int output) {
        return new Input(TxHashes.txid(tx), output);
    }

    /** Alice pays Bob {@code send}, keeping {@code change}, spending {@code inputs}. */
    static NormalTx alicePays(long send, long change, boolean fee, Input... inputs) {
        return SIGNING.normal(ALICE, BOB_ADDR, send, change, List.of(inputs), fee);
    }

    static InputRef ref(long blocksAgo, int txoff) {
        return new InputRef(blocksAgo, 0, txoff);
    }

    /** A child of {@code parent} holding {@code txs} in {@code shard}, the other shards empty. */
    BlockNode block(BlockNode parent, int shard, Placed... txs) {
        return block(parent, Map.of(shard, List.of(txs)));
    }

    BlockNode block(BlockNode parent, Map<Integer, List<Placed>> shards) {
        Map<Integer, List<TxRefHash>> hashes = new HashMap<>();
        shards.forEach(
                (shard, txs) -> hashes.put(shard, txs.stream().map(Placed::leaf).toList()));
        BlockNode node = blockOfLeaves(parent, hashes);
        shards.forEach((shard, txs) -> {
            for (int i = 0; i < txs.size(); i++) {
                placed.put(new Slot(node.id(), shard, i), txs.get(i));
            }
        });
        return node;
    }

    /** A child of {@code parent} whose shards hold these leaves, which need not come from parseable txs. */
    BlockNode blockOfLeaves(BlockNode parent, Map<Integer, List<TxRefHash>> shards) {
        Block template =
                builder.template(parent, parent.block().tailer().timestamp() + ChainBuilder.DEFAULT_SPACING_SECS);
        byte[] counts = new byte[template.numShards()];
        List<Hash256> merkles = new ArrayList<>(template.merkles());
        shards.forEach((shard, txs) -> {
            counts[shard] = (byte) txs.size();
            merkles.set(shard, MerkleTree.root(txs));
        });
        Block block =
                new Block(template.header(), Bytes.of(counts), merkles, template.prevTxhashes(), template.tailer());
        BlockNode node = tree.add(block, BlockIds.id(block));
        leaves.put(node.id(), shards);
        return node;
    }

    Proof proof(BlockNode block, int shard, int txoff) {
        return MerkleTree.proof(block.id(), shard, leaves.get(block.id()).get(shard), txoff);
    }

    /** The tx at this slot with its refs and a proof that it is there. */
    TxWithProof proven(BlockNode block, int shard, int txoff) {
        Placed p = placed.get(new Slot(block.id(), shard, txoff));
        return new TxWithProof(proof(block, shard, txoff), p.tx(), p.refs());
    }

    TxWithProof proven(BlockNode block, int txoff) {
        return proven(block, 0, txoff);
    }

    /** The same proof, moved to {@code position}: for unknown blocks and for the unused byte. */
    static TxWithProof at(Position position, TxWithProof proven) {
        return new TxWithProof(new Proof(position, proven.proof().merkles()), proven.tx(), proven.refs());
    }

    static TxWithProof inUnknownBlock(TxWithProof proven) {
        Position pos = proven.proof().position();
        return at(new Position(NOWHERE, pos.shard(), pos.txoff()), proven);
    }

    /** The verdict on a complaint that must not be refused. */
    ComplaintVerdict verdict(ComplaintPacket p) {
        try {
            return checks.check(p);
        } catch (ProtocolException e) {
            throw new AssertionError("refused: " + e.getMessage(), e);
        }
    }

    ComplaintVerdict proved(BlockNode block) {
        return new ComplaintVerdict.Proved(block);
    }

    /** The ecode a complaint is refused with. */
    ErrorCode refusal(ComplaintPacket p) {
        ComplaintVerdict v;
        try {
            v = checks.check(p);
        } catch (ProtocolException e) {
            return e.code();
        }
        throw new AssertionError("accepted: " + v);
    }
}
