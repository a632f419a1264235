package org.pettycoin.mining;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.chainstate.BlockFlags;
import org.pettycoin.chainstate.BlockIntake;
import org.pettycoin.chainstate.ChainInput;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.ContentResult;
import org.pettycoin.chainstate.Origin;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.protocol.TxWithProof;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taking a solved block of ours into the chain state (C's recv_block_from_generator): through the same path as a
 * peer's block (header checks, attach, prev_txhashes), then each shard and each tx, so the journal
 * writes it and the node relays it like any other. Node thread only.
 */
final class OwnBlocks {
    private static final Logger LOG = LoggerFactory.getLogger(OwnBlocks.class);

    enum Outcome {
        /** Attached with all its contents. */
        ACCEPTED,
        /** Solved too late: the head moved, or a tx in it left the pool. Dropped, nothing wrong. */
        STALE,
        /** The chain state refused it: a bug in the template, or a clock far behind the chain. */
        REFUSED
    }

    /** What became of a solved block of ours; {@link #outcome()} names the kind for logs and tests. */
    sealed interface Result {
        Outcome outcome();
    }

    /** Attached with all its contents: {@code block} is to be announced. */
    record Accepted(BlockNode block) implements Result {
        @Override
        public Outcome outcome() {
            return Outcome.ACCEPTED;
        }
    }

    /** Solved too late; {@code why} for the log. */
    record Stale(String why) implements Result {
        @Override
        public Outcome outcome() {
            return Outcome.STALE;
        }
    }

    /** The chain state refused it; {@code why} for the log. */
    record Refused(String why) implements Result {
        @Override
        public Outcome outcome() {
            return Outcome.REFUSED;
        }
    }

    private OwnBlocks() {}

    static Result accept(ChainInput input, Template template, MinedBlock mined) {
        ChainState state = input.chain();
        if (state.miningHead() != template.parent()) {
            return new Stale("the mining head moved from " + template.parent());
        }
        Optional<Hash256> gone = txNoLongerReady(state, template);
        if (gone.isPresent()) {
            // Same parent, but the pool dropped one of its txs (say a double spend came to light).
            return new Stale("tx " + gone.get() + " left the pool");
        }
        // Our own search compared the id with the target: the work is not checked again.
        ChainState.BlockReceipt receipt =
                input.processBlock(ReceivedBlock.of(mined.block(), mined.id()), BlockFlags.OWN, Origin.LOCAL);
        if (!(receipt.intake() instanceof BlockIntake.Attached)) {
            return new Refused(receipt.intake().toString());
        }
        if (!receipt.prevTxhashesMismatch().isEmpty()) {
            LOG.warn("our block {} disagrees with its own prev_txhashes", mined.id());
        }
        for (ShardPacket p : mined.shardPackets()) {
            expectStored(input.receiveShard(p, Origin.LOCAL), mined, "shard " + p.shard());
        }
        for (TxWithProof t : mined.provenTxs()) {
            expectStored(
                    input.receiveTxInBlock(t, Origin.LOCAL),
                    mined,
                    "tx " + t.proof().position());
        }
        BlockNode node = state.tree().find(mined.id()).orElseThrow();
        if (!node.allKnown()) {
            LOG.warn("our block {} is not fully known after taking its contents", node);
        }
        if (node.invalid()) {
            return new Refused("a complaint against its contents");
        }
        return new Accepted(node);
    }

    private static void expectStored(ContentResult r, MinedBlock mined, String what) {
        if (!(r instanceof ContentResult.Stored || r instanceof ContentResult.AlreadyKnown)) {
            LOG.warn("{} of our block {} was not taken: {}", what, mined.id(), r);
        }
    }

    /** A tx of the template that the pool no longer holds ready with the same refs. */
    private static Optional<Hash256> txNoLongerReady(ChainState state, Template template) {
        if (template.txCount() == 0) {
            return Optional.empty();
        }
        Map<Hash256, List<InputRef>> ready = new HashMap<>();
        for (List<PendingPool.Ready> shard : state.pending().forNextBlock()) {
            shard.forEach(r -> ready.put(r.txid(), r.refs()));
        }
        for (List<TxAndRefs> shard : template.shards()) {
            for (TxAndRefs t : shard) {
                Hash256 txid = TxHashes.txid(t.tx());
                if (!t.refs().equals(ready.get(txid))) {
                    return Optional.of(txid);
                }
            }
        }
        return Optional.empty();
    }
}
