package org.pettycoin.chainstate;

import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.consensus.TxNotice;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.HashesInBlockPacket;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxWithProof;

/**
 * The ways into the chain state, each taking where the input came from and returning what became of
 * it with its events. {@link ChainState} itself is one (its events go nowhere: tests, tools, a
 * replay); {@link NodeLoop} is the one a running node uses, which journals the events and then hands
 * them on.
 */
public interface ChainInput {
    /** The chain state behind this input, for reading. */
    ChainState chain();

    ChainState.BlockReceipt processBlock(ReceivedBlock block, BlockFlags flags, Origin origin);

    ContentResult receiveShard(ShardPacket p, Origin origin);

    ContentResult receiveHashInBlock(HashesInBlockPacket p, Origin origin);

    ContentResult receiveTxInBlock(TxWithProof p, Origin origin);

    ContentResult receiveComplaint(ComplaintPacket p, Origin origin);

    ContentResult receiveTxNotice(TxNotice notice, Origin origin);

    /**
     * A loose tx, for the pending pool.
     *
     * @throws ProtocolException if the tx fails its stand-alone checks: the sender is at fault
     */
    ChainState.TxSubmission submitTx(Tx tx, Origin origin) throws ProtocolException;
}
