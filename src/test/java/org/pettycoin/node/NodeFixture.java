package org.pettycoin.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxSigning;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.crypto.Secp256k1;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.mining.MinedBlock;
import org.pettycoin.mining.TxAndRefs;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Tx;

/**
 * A regtest chain state with a clock that follows the chain, a builder mining into it, keys and
 * tx helpers: the bench for consensus tests of contents, inputs and pending.
 */
final class NodeFixture {
    static final TxSigning SIGNING = new TxSigning();
    static final PrivateKey GATEWAY = key(1);
    static final Address MINER = Address.fromHex("44".repeat(20));

    long now = Network.REGTEST.genesisTimestamp() + 60;
    final List<String> events = new ArrayList<>();
    final ChainState state;
    /** The way in that records events (and hands them to {@code next}): what a node's loop would do. */
    final NodeLoop input;

    final ChainBuilder builder;

    NodeFixture() {
        this(ChainState.Config.DEFAULT);
    }

    NodeFixture(ChainState.Config config) {
        this(config, events -> {});
    }

    /** A fixture whose inputs' events go to {@code next} (say, a journal), and are recorded. */
    NodeFixture(ChainState.Config config, EventSink next) {
        state = new ChainState(Network.REGTEST, config, () -> now, () -> now * 1000);
        input = new NodeLoop(state, next);
        input.addSink(batch -> {
            for (ChainEvent e : batch) {
                if (e instanceof ChainEvent.TxPlaced t) {
                    events.add("placed " + t.block().height() + "/"
                            + t.proven().proof().position().shard() + "/"
                            + t.proven().proof().position().txoff());
                } else if (e instanceof ChainEvent.BlockInvalidated i) {
                    events.add("invalid " + i.block().height() + " "
                            + i.complaint().type().cName());
                }
            }
        });
        builder = ChainBuilder.on(input, MINER);
    }

    static PrivateKey key(int n) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) n);
        return PrivateKey.of(b);
    }

    static Address addr(PrivateKey k) {
        return Hash160.addressOf(Secp256k1.get().publicKeyOf(k));
    }

    static FromGatewayTx fund(PrivateKey to, long amount) {
        return SIGNING.fromGateway(GATEWAY, List.of(new GatewayPayment(amount, addr(to))), false);
    }

    static NormalTx pay(PrivateKey from, Address to, long send, long change, Input... inputs) {
        return SIGNING.normal(from, to, send, change, List.of(inputs), false);
    }

    static Input out(Tx tx, int n) {
        return new Input(TxHashes.txid(tx), n);
    }

    BlockNode head() {
        return state.miningHead();
    }

    long nextTime(BlockNode parent) {
        long t = parent.block().tailer().timestamp() + ChainBuilder.DEFAULT_SPACING_SECS;
        now = Math.max(now, t + 60);
        return t;
    }

    /** Mines a valid child of {@code parent} holding {@code txs} (refs made against {@code parent}). */
    BlockNode mine(BlockNode parent, Tx... txs) {
        return builder.mine(parent, nextTime(parent), withRefs(parent, txs));
    }

    /** Builds (without feeding) a child of {@code parent} holding {@code txs} in their home shards. */
    MinedBlock build(BlockNode parent, Tx... txs) {
        return builder.build(parent, nextTime(parent), ChainBuilder.placeByShard(withRefs(parent, txs)));
    }

    List<TxAndRefs> withRefs(BlockNode parent, Tx... txs) {
        List<TxAndRefs> out = new ArrayList<>();
        for (Tx tx : txs) {
            out.add(builder.withRefs(parent, tx));
        }
        return out;
    }

    /** Refs for {@code tx} in a child of {@code parent}, found through the chain's index. */
    List<InputRef> refsFor(BlockNode parent, Tx tx) {
        return builder.withRefs(parent, tx).refs();
    }

    /** Hands a built block to the state as a peer would: block, shards, then each tx. */
    List<ContentResult> feed(MinedBlock mined) {
        input.processBlock(ReceivedBlock.of(mined.block()), BlockFlags.PEER, Origin.LOCAL);
        List<ContentResult> results = new ArrayList<>();
        mined.shardPackets().forEach(p -> results.add(input.receiveShard(p, Origin.LOCAL)));
        mined.provenTxs().forEach(t -> results.add(input.receiveTxInBlock(t, Origin.LOCAL)));
        return results;
    }
}
