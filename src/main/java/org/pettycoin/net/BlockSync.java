package org.pettycoin.net;

import java.util.Optional;
import java.util.function.LongSupplier;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.chainstate.BlockFlags;
import org.pettycoin.chainstate.BlockIntake;
import org.pettycoin.chainstate.ChainEvent;
import org.pettycoin.chainstate.ChainInput;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.Origin;
import org.pettycoin.consensus.Horizon;
import org.pettycoin.protocol.ChildBlock;
import org.pettycoin.protocol.ChildrenPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Position;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.SetFilterPacket;
import org.pettycoin.protocol.ShardErrorPacket;
import org.pettycoin.protocol.TxMapPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sync (C's recv_block.c, sync.c, peer.c plan_output): what blocks, CHILDREN, shard errors and
 * TXMAPs from a peer make us want, and when sync from a peer is done. Wanted items go to the
 * {@link RequestScheduler}; a new block from a synced peer goes back to {@link PeerNetwork} to
 * relay. Part of the peer protocol; node thread only.
 */
final class BlockSync {
    private static final Logger LOG = LoggerFactory.getLogger(BlockSync.class);

    /** Sends on a new block from a synced peer to our other peers, as it came. */
    @FunctionalInterface
    interface Relay {
        void relay(BlockNode block, ReceivedBlock received, Peer from);
    }

    /** Charges a peer for a fault found here that is not a {@link ProtocolException}'s. */
    @FunctionalInterface
    interface Faults {
        void punish(Peer p, Misbehaviour fault, String detail);
    }

    private final ChainInput input;
    private final ChainState state;
    private final RequestScheduler<Peer> requests;
    private final DescendantsHash hashes;
    private final LongSupplier nowSeconds;
    private final LongSupplier nowMillis;
    private final Relay relay;
    private final Faults faults;

    BlockSync(
            ChainInput input,
            RequestScheduler<Peer> requests,
            DescendantsHash hashes,
            LongSupplier nowSeconds,
            LongSupplier nowMillis,
            Relay relay,
            Faults faults) {
        this.input = input;
        this.state = input.chain();
        this.requests = requests;
        this.hashes = hashes;
        this.nowSeconds = nowSeconds;
        this.nowMillis = nowMillis;
        this.relay = relay;
        this.faults = faults;
    }

    /**
     * {@code recv_block} (C's recv_block.c): a block from a peer. While we sync from it (and for its
     * welcome block, and for detached blocks it completes) we ask for each new block's children and
     * contents; a new block from a synced peer goes on to our other peers and we ask for its shards.
     */
    void acceptBlock(Peer p, ReceivedBlock block, boolean needContents) throws ProtocolException {
        ChainState.BlockReceipt r = input.processBlock(block, BlockFlags.PEER, Origin.peer(p.connection.id()));
        BlockIntake.Result in = r.intake();
        if (in instanceof BlockIntake.Invalid i) {
            throw new ProtocolException(i.error(), "block " + block.id() + ": " + i.reason());
        } else if (in instanceof BlockIntake.Detached d) {
            // A new block on the way back to known ground is progress too (a long frontier).
            p.lastProgressMillis = nowMillis.getAsLong();
            d.missing().forEach(id -> requests.want(Request.block(id)));
            return;
        } else if (in instanceof BlockIntake.TooEasy) {
            if (p.welcomeBlock.equals(Optional.of(block.id()))) {
                // Its best block can never attach here; C answers WRONG_GENESIS (docs/c-differences.md #36).
                faults.punish(p, Misbehaviour.WRONG_GENESIS, "its best block is too easy for its height");
            }
            return;
        } else if (!(in instanceof BlockIntake.Attached)) {
            // known, or already waiting: answer with its complaint if it has one
            state.tree().find(block.id()).flatMap(state::complaintOf).ifPresent(p::send);
            return;
        }
        p.lastProgressMillis = nowMillis.getAsLong();
        for (ChainEvent e : r.events()) {
            if (!(e instanceof ChainEvent.BlockAttached a)) {
                continue;
            }
            if (a.block().invalid()) {
                // A child of an invalid block inherited its complaint: the sender builds on a bad block,
                // so it is told why (C's recv_block.c recv_block). Its contents would not be taken in
                // (docs/c-differences.md #19), and other peers have the complaint: neither asked nor relayed.
                if (a.offered()) {
                    state.complaintOf(a.block()).ifPresent(p::send);
                }
                continue;
            }
            if (!a.prevTxhashesAgree()) {
                continue; // C neither relays it nor asks for its contents (docs/c-differences.md #2)
            }
            if (!a.offered() || needContents) {
                askChildrenAndContents(a.block());
            } else {
                relay.relay(a.block(), a.received(), p);
                askShards(a.block());
            }
        }
    }

    private void askChildrenAndContents(BlockNode b) {
        if (Horizon.expiredBy(Horizon.expiry(b.block()), nowSeconds.getAsLong())) {
            return; // past the horizon: neither children nor contents (as C's recv_block)
        }
        requests.want(Request.children(b.id()));
        askShards(b);
    }

    void askShards(BlockNode b) {
        for (int s = 0; s < b.block().numShards(); s++) {
            if (b.block().numTxs(s) > 0 && state.shardHashes(b, s).isEmpty()) {
                requests.want(Request.shard(b.id(), s));
            }
        }
    }

    /**
     * C's blockfile.c get_unknown_contents, at start-up: the blockfile holds blocks and txs only, so
     * down each longest chain, back to where every block is known (or to the horizon), the hashes of
     * every shard are asked for again and, once they are in, what of the shards we do not hold pays
     * into ours (C's recv_block.c get_block_contents).
     */
    void askUnknownContents() {
        for (BlockNode head : state.tree().heads().longestChains()) {
            for (Optional<BlockNode> b = Optional.of(head);
                    b.isPresent() && b.get().knownInARow() < b.get().height();
                    b = b.get().parent()) {
                if (Horizon.expiredBy(Horizon.expiry(b.get().block()), nowSeconds.getAsLong())) {
                    break;
                }
                askShards(b.get());
                for (int s = 0; s < b.get().block().numShards(); s++) {
                    if (!state.holdsShard(b.get(), s)
                            && state.shardAllHashes(b.get(), s)
                            && !state.shardAllKnown(b.get(), s)) {
                        requests.want(Request.txMap(b.get().id(), s));
                    }
                }
            }
        }
    }

    /** {@code recv_children}: unknown children are fetched; differing subtrees are dug into. */
    void onChildren(Peer p, ChildrenPacket c) throws ProtocolException {
        Optional<BlockNode> parent = state.tree().find(c.block());
        if (parent.isEmpty()) {
            throw new ProtocolException(ErrorCode.UNKNOWN_BLOCK, "CHILDREN of a block we never asked about");
        }
        requests.done(Request.children(c.block()), Optional.of(p), nowMillis.getAsLong());
        BlockNode preferred = state.tree().heads().preferred();
        for (ChildBlock child : c.children()) {
            Optional<BlockNode> known = state.tree().find(child.block());
            if (known.isEmpty()) {
                if (!state.detached().contains(child.block())) {
                    requests.want(Request.block(child.block()));
                }
            } else if (!known.get().precedes(preferred)
                    && !hashes.of(known.get()).equals(child.descendants())
                    && !Horizon.expiredBy(Horizon.expiry(known.get().block()), nowSeconds.getAsLong())) {
                requests.want(Request.children(child.block()));
            }
        }
    }

    void onShardError(Peer p, ShardErrorPacket e) throws ProtocolException {
        if (e.err() != ErrorCode.UNKNOWN_BLOCK.code() && e.err() != ErrorCode.UNKNOWN_SHARD.code()) {
            throw new ProtocolException(ErrorCode.UNKNOWN_ERRCODE, "SHARD err " + e.err());
        }
        requests.failed(Request.shard(e.block(), e.shard()), p, nowMillis.getAsLong());
    }

    void onTxMap(Peer p, TxMapPacket m) throws ProtocolException {
        Optional<BlockNode> b = state.tree().find(m.block());
        if (b.isEmpty()) {
            requests.want(Request.block(m.block()));
            return;
        }
        if (m.shard() >= b.get().block().numShards()) {
            throw new ProtocolException(ErrorCode.BAD_SHARDNUM, "TXMAP shard " + m.shard());
        }
        Request asked = Request.txMap(m.block(), m.shard());
        if (m.err() != 0) {
            requests.failed(asked, p, nowMillis.getAsLong()); // someone else may know the block
            faults.punish(p, Misbehaviour.ERROR_TXMAP, "TXMAP err " + m.err());
            return;
        }
        requests.done(asked, Optional.of(p), nowMillis.getAsLong());
        int n = b.get().block().numTxs(m.shard());
        if (m.bitmap().size() != (n + 31) / 32 * 4) {
            throw new ProtocolException(
                    ErrorCode.INVALID_LEN, "TXMAP of " + m.bitmap().size() + " bytes");
        }
        for (int i = 0; i < n; i++) {
            if (m.marks(i) && state.txAt(b.get(), m.shard(), i).isEmpty()) {
                requests.want(Request.txInBlock(new Position(m.block(), m.shard(), i)));
            }
        }
    }

    /**
     * C's sync-finished test (peer.c plan_output); a welcome block that left the detached pool
     * (evicted, expired) is asked for again (docs/c-differences.md #36).
     */
    void checkSyncDone(Peer p) {
        if (p.welcomeBlock.isEmpty() || state.tree().contains(p.welcomeBlock.get())) {
            p.weAreSyncing = false;
            LOG.info("{}: finished syncing from it", p);
            p.connection.send(SetFilterPacket.SYNCED);
        } else if (!state.detached().contains(p.welcomeBlock.get())) {
            requests.want(Request.block(p.welcomeBlock.get()));
        }
    }
}
