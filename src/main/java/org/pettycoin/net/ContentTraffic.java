package org.pettycoin.net;

import java.util.Collection;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.pettycoin.chainstate.ChainInput;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.ContentResult;
import org.pettycoin.chainstate.Origin;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxNoticeChecks;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.EncodedPacket;
import org.pettycoin.protocol.HashesInBlockPacket;
import org.pettycoin.protocol.Position;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxBadAmountPacket;
import org.pettycoin.protocol.TxBadInputPacket;
import org.pettycoin.protocol.TxDoublespendPacket;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.TxPacket;

/**
 * What peers send us of the chain's contents, and what we make of it (C's recv_block.c recv_shard,
 * recv_tx.c, recv_complain.c, peer.c recv_tx and recv_tx_bad_*): each packet goes to the chain state
 * as that peer's input, and the outcome is acted on here: a fault is charged to the sender, a
 * complaint we hold is sent back, what is still missing is wanted, and a tx the pool took is relayed
 * to the peers that want it. Node thread only, like the {@link PeerNetwork} that owns it.
 */
final class ContentTraffic {
    private final ChainInput input;
    private final ChainState state;
    private final RequestScheduler<Peer> requests;
    private final TxNoticeChecks notices;
    private final PeerFaults faults;
    private final Supplier<Collection<Peer>> peers;
    /** The node clock's monotonic ms: when an answer came, for the round-trip time. */
    private final LongSupplier nowMillis;

    ContentTraffic(
            ChainInput input,
            RequestScheduler<Peer> requests,
            PeerFaults faults,
            Supplier<Collection<Peer>> peers,
            LongSupplier nowMillis) {
        this.input = input;
        this.state = input.chain();
        this.requests = requests;
        this.notices = new TxNoticeChecks(state.txChecks());
        this.faults = faults;
        this.peers = peers;
        this.nowMillis = nowMillis;
    }

    void shard(Peer p, ShardPacket s) {
        requests.done(Request.shard(s.block(), s.shard()), Optional.of(p), nowMillis.getAsLong());
        apply(p, input.receiveShard(s, originOf(p)));
    }

    void txInBlock(Peer p, TxInBlockPacket t) {
        Position pos = t.proven().proof().position();
        requests.done(Request.txInBlock(pos), Optional.of(p), nowMillis.getAsLong());
        requests.done(Request.tx(TxHashes.txid(t.proven().tx())), Optional.of(p), nowMillis.getAsLong());
        apply(p, input.receiveTxInBlock(t.proven(), originOf(p)));
    }

    void hashInBlock(Peer p, HashesInBlockPacket h) {
        apply(p, input.receiveHashInBlock(h, originOf(p)));
    }

    void complaint(Peer p, ComplaintPacket c) {
        ContentResult r = input.receiveComplaint(c, originOf(p));
        if (r instanceof ContentResult.Refused && p.audience().mistakeOfAnHonestNode(c)) {
            faults.punish(p, Misbehaviour.C_SELF_DOUBLESPEND, "a double spend of one slot");
            return;
        }
        apply(p, r);
    }

    void badInput(Peer p, TxBadInputPacket n) throws ProtocolException {
        apply(p, input.receiveTxNotice(notices.checkBadInput(n), originOf(p)));
    }

    void badAmount(Peer p, TxBadAmountPacket n) throws ProtocolException {
        apply(p, input.receiveTxNotice(notices.checkBadAmount(n), originOf(p)));
    }

    void doublespend(Peer p, TxDoublespendPacket n) throws ProtocolException {
        apply(p, input.receiveTxNotice(notices.checkDoublespend(n), originOf(p)));
        faults.punish(p, Misbehaviour.DOUBLESPEND_NOTICE, "a valid TX_DOUBLESPEND");
    }

    /** {@code recv_tx} (C's peer.c). */
    void tx(Peer p, Tx tx) throws ProtocolException {
        requests.done(Request.tx(TxHashes.txid(tx)), Optional.of(p), nowMillis.getAsLong());
        ChainState.TxSubmission s = input.submitTx(tx, originOf(p));
        s.reply().ifPresent(p::send);
        s.wantedTxs().forEach(id -> requests.want(Request.tx(id)));
        PendingPool.Status status = s.admission().status();
        if (status == PendingPool.Status.READY
                || status == PendingPool.Status.WAITING
                || status == PendingPool.Status.POLICY_DROPPED
                || status == PendingPool.Status.NOT_HELD) {
            relay(tx, Optional.of(p));
        }
    }

    /** To each synced peer that wants the tx's shard or the one it pays into (C's peer.c send_to_interested_peers). */
    void relay(Tx tx, Optional<Peer> except) {
        EncodedPacket packet = EncodedPacket.of(new TxPacket(tx));
        for (Peer q : peers.get()) {
            if (q.welcomed() && !q.theyAreSyncing && except.map(e -> e != q).orElse(true) && q.wantsTx(tx)) {
                q.connection.send(packet);
            }
        }
    }

    /** Acts on what contents handling found: errors, complaints to answer with, items to fetch. */
    private void apply(Peer p, ContentResult r) {
        if (r instanceof ContentResult.Refused refused) {
            faults.punish(p, Misbehaviour.of(refused.error()), Optional.of(refused.error()), "contents refused");
        } else if (r instanceof ContentResult.BlockInvalid invalid) {
            invalid.complaint().ifPresent(p::send);
        } else if (r instanceof ContentResult.UnknownBlock unknown) {
            if (!state.detached().contains(unknown.block())) {
                requests.want(Request.block(unknown.block()));
            }
        } else if (r instanceof ContentResult.Accepted accepted) {
            accepted.wantedTxs().forEach(id -> requests.want(Request.tx(id)));
            accepted.wantedSlots().forEach(pos -> requests.want(Request.txInBlock(pos)));
            accepted.wantedTxMaps().forEach(m -> requests.want(Request.txMap(m.block(), m.shard())));
        }
    }

    static Origin originOf(Peer p) {
        return Origin.peer(p.connection.id());
    }
}
