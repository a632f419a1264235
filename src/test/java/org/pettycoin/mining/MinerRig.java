package org.pettycoin.mining;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.BlockIntake;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.NodeThread;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.time.ManualClock;

/**
 * A regtest chain state owned by a single "node thread" of the test's, a settable clock, and a
 * record of the blocks the miner announced: a node without sockets for miner tests.
 */
final class MinerRig implements AutoCloseable {
    static final Address REWARD = Address.fromHex("77".repeat(20));
    static final Address OTHER = Address.fromHex("88".repeat(20));

    /** A block the miner announced (the id and the immutable block, safe off the node thread). */
    record Announced(Hash256 id, Block block) {
        Hash256 parent() {
            return block.header().parent();
        }
    }

    final NodeThread nodeThread = NodeThread.start("test-node", why -> {});
    /** Starts an hour after regtest genesis, moves only when a test moves it. */
    final ManualClock clock = new ManualClock(Network.REGTEST.genesisTimestamp() + 3600);

    final ChainState state =
            new ChainState(Network.REGTEST, ChainState.Config.DEFAULT, clock::unixSeconds, clock::unixMillis);
    final List<Announced> announced = new CopyOnWriteArrayList<>();

    Miner.Host host() {
        return new Miner.Host(nodeThread, state, b -> announced.add(new Announced(b.id(), b.block())));
    }

    Miner.Config config(int threads) {
        return Miner.Config.of(REWARD, threads, clock::unixSeconds).withPoll(Duration.ofMillis(50));
    }

    <T> T call(Callable<T> task) throws Exception {
        return nodeThread.call(task);
    }

    /** Mines {@code count} blocks paying {@link #OTHER} on {@code parent}, on the node thread; returns the tip. */
    BlockNode feedChain(BlockNode parent, int count, long spacing) {
        ChainBuilder b = ChainBuilder.on(state, OTHER);
        BlockNode tip = parent;
        for (int i = 0; i < count; i++) {
            tip = b.mine(tip, tip.block().tailer().timestamp() + spacing);
        }
        return tip;
    }

    /**
     * Node thread: gives every block on our chain, with all its contents, to a fresh chain state as a
     * peer would, and returns that state: it must take them all, fully known, with no complaint.
     */
    ChainState replayToAPeer() {
        ChainState peer =
                new ChainState(Network.REGTEST, ChainState.Config.DEFAULT, clock::unixSeconds, clock::unixMillis);
        BlockNode head = state.miningHead();
        BlockNode[] chain = new BlockNode[(int) head.height()];
        for (BlockNode b = head; b.height() > 0; b = b.parent().orElseThrow()) {
            chain[(int) b.height() - 1] = b;
        }
        for (BlockNode b : chain) {
            ChainState.BlockReceipt r = peer.receiveBlock(b.block());
            if (r.intake().status() != BlockIntake.Status.ATTACHED
                    || !r.prevTxhashesMismatch().isEmpty()) {
                throw new AssertionError(b + " not taken by a peer: " + r);
            }
            for (int s = 0; s < b.block().numShards(); s++) {
                if (b.block().numTxs(s) == 0) {
                    continue;
                }
                peer.receiveShard(
                        new ShardPacket(b.id(), s, state.shardHashes(b, s).orElseThrow()));
                for (int i = 0; i < b.block().numTxs(s); i++) {
                    peer.receiveTxInBlock(state.provenAt(b, s, i).orElseThrow());
                }
            }
            BlockNode theirs = peer.tree().find(b.id()).orElseThrow();
            if (!theirs.allKnown() || theirs.invalid()) {
                throw new AssertionError(b + " is not fully known and valid at a peer");
            }
        }
        return peer;
    }

    @Override
    public void close() {
        nodeThread.shutdown(5_000);
    }
}
