package org.pettycoin.net;

import static org.pettycoin.testing.TestNodes.address;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.chainstate.BlockFlags;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.Origin;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxShards;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.daemon.Node;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.mining.MinedBlock;
import org.pettycoin.mining.TxAndRefs;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.TxWithProof;
import org.pettycoin.protocol.Vectors;
import org.pettycoin.protocol.WelcomePacket;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestKeys;
import org.pettycoin.testing.TestNodes;
import org.pettycoin.testing.TestTxs;

/**
 * Two real regtest nodes, A and B (B dials A), and a chain built beside them in a chain state of the
 * test's own, so that raw peers can hand the nodes blocks whose contents are broken in exactly one
 * way. The chain: b1 funds Alice ({@link #fA} 1000, {@link #fA2} 500) and Bob ({@link #fB} 700), and,
 * if asked, two "hidden" fundings ({@link #hB} to Bob, {@link #hA} to Alice) that no node is ever
 * given, so a node cannot check what spends them; b2 holds {@link #spend1} (Alice pays Bob from fA).
 * A test then builds b3 on b2 (an innocent funding of Carol's and what it breaks) and b4 on b3.
 */
final class ComplaintRig implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final PrivateKey ALICE = TestKeys.inShard(0, Protocol.INITIAL_SHARD_ORDER, 0x11);
    static final PrivateKey BOB = TestKeys.inShard(1, Protocol.INITIAL_SHARD_ORDER, 0x22);
    static final PrivateKey CAROL = TestKeys.inShard(2, Protocol.INITIAL_SHARD_ORDER, 0x33);

    static final FromGatewayTx fA = TestTxs.fund(ALICE, 1000);
    static final FromGatewayTx fA2 = TestTxs.fund(ALICE, 500);
    static final FromGatewayTx fB = TestTxs.fund(BOB, 700);
    static final FromGatewayTx hB = TestTxs.fund(BOB, 321);
    static final FromGatewayTx hA = TestTxs.fund(ALICE, 654);
    static final NormalTx spend1 = TestTxs.pay(ALICE, BOB, 600, 400, TestTxs.out(fA, 0));
    /** In b3 beside whatever breaks it, in a shard of its own: valid, so back to pending when b3 falls. */
    static final FromGatewayTx innocent = TestTxs.fund(CAROL, 777);

    final TestNodes nodes;
    final Node a;
    final Node b;
    private final ChainState local;
    private final ChainBuilder builder;
    final BlockNode b1;
    final BlockNode b2;
    private final Set<Hash256> hidden;

    ComplaintRig(Path dir, boolean withHidden) throws Exception {
        nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS);
        a = nodes.start("a");
        b = nodes.start("b", address(a));
        Await.until("A and B connected", WAIT, () -> peers(a) == 1 && peers(b) == 1);
        local = new ChainState(
                Network.REGTEST, ChainState.Config.DEFAULT, nodes.clock()::unixSeconds, nodes.clock()::unixMillis);
        builder = ChainBuilder.on(local, TestNodes.MINER);
        List<Tx> funding = new ArrayList<>(List.of(fA, fA2, fB));
        if (withHidden) {
            funding.addAll(List.of(hB, hA));
        }
        hidden = withHidden ? Set.of(TxHashes.txid(hB), TxHashes.txid(hA)) : Set.of();
        b1 = mine(local.tree().genesis(), funding);
        b2 = mine(b1, List.of(spend1));
    }

    private static int peers(Node n) throws Exception {
        return n.call(() -> n.network().peerCount());
    }

    private BlockNode mine(BlockNode parent, List<Tx> txs) {
        List<TxAndRefs> contents = txs.stream().map(t -> withRefs(parent, t)).toList();
        return builder.mine(parent, parent.block().tailer().timestamp() + 1, contents);
    }

    /** {@code tx} as it would sit in a child of {@code parent}, refs pointing where its inputs are. */
    TxAndRefs withRefs(BlockNode parent, Tx tx) {
        return builder.withRefs(parent, tx);
    }

    /** {@code tx} (one input) in a child of {@code parent}, its ref moved to another txoff of the same shard. */
    TxAndRefs withRefMovedTo(BlockNode parent, Tx tx, int txoff) {
        InputRef r = withRefs(parent, tx).refs().get(0);
        return new TxAndRefs(tx, List.of(new InputRef(r.blocksAgo(), r.shard(), txoff)));
    }

    /** The slot of {@code tx} in b1, where every funding is. */
    int txoffInB1(Tx tx) {
        Hash256 id = TxHashes.txid(tx);
        MinedBlock m = mined(b1);
        List<TxAndRefs> shard = m.shards().get(TxShards.shardOf(tx, Protocol.INITIAL_SHARD_ORDER));
        for (int i = 0; i < shard.size(); i++) {
            if (TxHashes.txid(shard.get(i).tx()).equals(id)) {
                return i;
            }
        }
        throw new AssertionError("not in b1");
    }

    MinedBlock mined(BlockNode block) {
        return builder.builtWithContents().stream()
                .filter(m -> m.id().equals(block.id()))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Solves a child of {@code parent} holding exactly {@code shards} (the order within each is
     * kept, so it may be wrong), and attaches its header here so that children can be built on it.
     */
    MinedBlock build(BlockNode parent, List<List<TxAndRefs>> shards) {
        MinedBlock m = builder.build(parent, parent.block().tailer().timestamp() + 1, shards);
        local.processBlock(ReceivedBlock.of(m.block(), m.id()), BlockFlags.OWN, Origin.LOCAL);
        return m;
    }

    /** A child of {@code parent} with {@code txs} in their home shards in canonical order. */
    MinedBlock build(BlockNode parent, TxAndRefs... txs) {
        return build(parent, ChainBuilder.placeByShard(List.of(txs)));
    }

    BlockNode node(MinedBlock m) {
        return local.tree().find(m.id()).orElseThrow();
    }

    static int shardOf(Tx tx) {
        return TxShards.shardOf(tx, Protocol.INITIAL_SHARD_ORDER);
    }

    /** A raw peer of A's (or B's) that welcomed as one of our nodes. */
    static HostileClient ours(Node n) throws Exception {
        HostileClient c = new HostileClient(address(n));
        c.welcomeAsOurs();
        return c;
    }

    /**
     * A raw peer of {@code n}'s presenting the WELCOME a real C node sent (vectors
     * capture_handshake_genesis.jsonl: moniker "ICBINB! v-alpha01-184-g203524c", at genesis).
     */
    static HostileClient cStyle(Node n) throws Exception {
        HostileClient c = new HostileClient(address(n));
        c.welcome(capturedCWelcome());
        return c;
    }

    static WelcomePacket capturedCWelcome() throws Exception {
        for (JsonNode line : Vectors.jsonl("capture_handshake_genesis.jsonl")) {
            Packet p = PacketCodec.decode(Hex.decode(line.get("hex").asText()));
            if (p instanceof WelcomePacket w) {
                return w;
            }
        }
        throw new AssertionError("no WELCOME in the capture");
    }

    /** Sends b1 and b2 with every tx but the hidden ones, as a peer that mined them would. */
    void sendCommonChain(HostileClient c) throws Exception {
        sendBlock(c, mined(b1));
        sendBlock(c, mined(b2));
    }

    /** The block, then each of its txs but the hidden ones. */
    void sendBlock(HostileClient c, MinedBlock m) throws Exception {
        c.send(new BlockPacket(m.block()));
        for (TxWithProof t : m.provenTxs()) {
            if (!hidden.contains(TxHashes.txid(t.tx()))) {
                c.send(new TxInBlockPacket(t));
            }
        }
    }

    /** The block, then only the txs of it that {@code send} names. */
    static void sendBlockWith(HostileClient c, MinedBlock m, Tx... send) throws Exception {
        c.send(new BlockPacket(m.block()));
        for (Tx tx : send) {
            c.send(new TxInBlockPacket(proven(m, tx)));
        }
    }

    static TxWithProof proven(MinedBlock m, Tx tx) {
        Hash256 id = TxHashes.txid(tx);
        return m.provenTxs().stream()
                .filter(t -> TxHashes.txid(t.tx()).equals(id))
                .findFirst()
                .orElseThrow();
    }

    static Input out(Tx tx, int n) {
        return TestTxs.out(tx, n);
    }

    // ------------------------------------------------------------------ what a node holds (node thread)

    static boolean holds(Node n, MinedBlock m) throws Exception {
        return n.call(() -> n.state().tree().find(m.id()).isPresent());
    }

    static boolean invalid(Node n, MinedBlock m) throws Exception {
        return n.call(
                () -> n.state().tree().find(m.id()).map(BlockNode::invalid).orElse(false));
    }

    static boolean holdsFull(Node n, MinedBlock m, Tx tx) throws Exception {
        TxWithProof p = proven(m, tx);
        return n.call(() -> n.state()
                .tree()
                .find(m.id())
                .flatMap(blk -> n.state()
                        .txAt(
                                blk,
                                p.proof().position().shard(),
                                p.proof().position().txoff()))
                .isPresent());
    }

    static Hash256 longestChainHead(Node n) throws Exception {
        return n.call(() -> n.state().tree().heads().longestChains().get(0).id());
    }

    static boolean pending(Node n, Tx tx) throws Exception {
        Hash256 id = TxHashes.txid(tx);
        return n.call(() -> n.state().pending().contains(id));
    }

    static Class<?> complaintClassOf(Node n, MinedBlock m) throws Exception {
        return n.call(() -> n.state()
                .tree()
                .find(m.id())
                .flatMap(n.state()::complaintOf)
                .<Class<?>>map(Object::getClass)
                .orElse(Void.class));
    }

    @Override
    public void close() {
        nodes.close();
    }
}
