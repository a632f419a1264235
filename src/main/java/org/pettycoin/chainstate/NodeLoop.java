package org.pettycoin.chainstate;

import java.util.ArrayList;
import java.util.List;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.consensus.TxNotice;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.HashesInBlockPacket;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxWithProof;

/**
 * How a running node's inputs reach the chain state, whoever they come from (peers, our miner,
 * JSON-RPC): each goes to {@link ChainState}, and the events it returns go first to the journal and
 * only then to the other sinks, in the order they were added (the peer protocol, then anything that
 * refreshes what it shows). So nothing is relayed, announced or answered before it is in the
 * journal's write buffer, whatever order things were set up in. If the journal throws, no later sink
 * runs and the exception goes to the caller (the node stops: going on would announce what a restart
 * loses). The chain state's own work is done by then and is never cut short. Node thread only.
 */
public final class NodeLoop implements ChainInput {
    private final ChainState state;
    private final EventSink journal;
    private final List<EventSink> after = new ArrayList<>();

    public NodeLoop(ChainState state, EventSink journal) {
        this.state = state;
        this.journal = journal;
    }

    /** Adds a sink that hears every event after the journal and after the sinks added before it. */
    public void addSink(EventSink sink) {
        after.add(sink);
    }

    @Override
    public ChainState chain() {
        return state;
    }

    private void dispatch(List<ChainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        journal.accept(events);
        for (EventSink s : after) {
            s.accept(events);
        }
    }

    @Override
    public ChainState.BlockReceipt processBlock(ReceivedBlock block, BlockFlags flags, Origin origin) {
        ChainState.BlockReceipt r = state.processBlock(block, flags, origin);
        dispatch(r.events());
        return r;
    }

    @Override
    public ContentResult receiveShard(ShardPacket p, Origin origin) {
        return dispatched(state.receiveShard(p, origin));
    }

    @Override
    public ContentResult receiveHashInBlock(HashesInBlockPacket p, Origin origin) {
        return dispatched(state.receiveHashInBlock(p, origin));
    }

    @Override
    public ContentResult receiveTxInBlock(TxWithProof p, Origin origin) {
        return dispatched(state.receiveTxInBlock(p, origin));
    }

    @Override
    public ContentResult receiveComplaint(ComplaintPacket p, Origin origin) {
        return dispatched(state.receiveComplaint(p, origin));
    }

    @Override
    public ContentResult receiveTxNotice(TxNotice notice, Origin origin) {
        return dispatched(state.receiveTxNotice(notice, origin));
    }

    @Override
    public ChainState.TxSubmission submitTx(Tx tx, Origin origin) throws ProtocolException {
        ChainState.TxSubmission s = state.submitTx(tx, origin);
        dispatch(s.events());
        return s;
    }

    private ContentResult dispatched(ContentResult r) {
        dispatch(r.events());
        return r;
    }
}
