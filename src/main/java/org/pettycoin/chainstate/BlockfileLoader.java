package org.pettycoin.chainstate;

import java.io.IOException;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.TxWithProof;
import org.pettycoin.store.Blockfile;
import org.pettycoin.store.ReplayResult;
import org.pettycoin.time.Progress;

/**
 * Replays a blockfile into a chain state at start-up (C's blockfile.c load_blocks), through the same
 * entry points as a peer's packets: block records through {@link ChainState#processBlock} with
 * {@link BlockFlags#REPLAY} (every header check but the prev_txhashes count, as C), tx records
 * through {@link ChainState#receiveTxInBlock} (the chain state's own tx checks, then refs, proof and
 * placement); anything refused ends the replay. Records must come parents first, as they are
 * written, so a block with an unknown parent is corruption, not a detached block. The events go
 * only to the sink given (a report, say), never to a journal or peers: what the file holds is
 * neither written again nor relayed.
 */
public final class BlockfileLoader {
    /** What the replay found: records and their kinds, the most-work tip, and where it stopped. */
    public record Summary(ReplayResult replay, long blocks, long txs, long txsForUnknownBlocks, BlockNode tip) {}

    private final ChainState state;
    private final EventSink replayed;
    private final Optional<Progress> progress;
    private long blocks;
    private long txs;
    private long txsForUnknownBlocks;

    /** A replay whose events are dropped. */
    public BlockfileLoader(ChainState state) {
        this(state, events -> {});
    }

    /** A replay whose events (say, blocks a complaint proved invalid) go to {@code replayed}. */
    public BlockfileLoader(ChainState state, EventSink replayed) {
        this(state, replayed, Optional.empty());
    }

    /** The same, telling {@code progress} how far the replay has come (blocks, height, share of the file). */
    public BlockfileLoader(ChainState state, EventSink replayed, Optional<Progress> progress) {
        this.state = state;
        this.replayed = replayed;
        this.progress = progress;
    }

    public Summary load(Blockfile file) throws IOException {
        long size = Math.max(1, file.size());
        ReplayResult r = file.replay((frame, offset) -> {
            try {
                accept(PacketCodec.decode(frame), frame);
                if (progress.isPresent()) {
                    progress.get().at(blocks, state.tree().topHeight(), (offset + frame.length) / (double) size);
                }
                return Optional.empty();
            } catch (ProtocolException e) {
                return Optional.of(e.getMessage());
            }
        });
        return new Summary(
                r,
                blocks,
                txs,
                txsForUnknownBlocks,
                state.tree().heads().longestChains().get(0));
    }

    private void accept(Packet packet, byte[] frame) throws ProtocolException {
        if (packet instanceof BlockPacket b) {
            acceptBlock(ReceivedBlock.decoded(b, frame));
        } else if (packet instanceof TxInBlockPacket t) {
            acceptTx(t.proven());
        } else {
            throw new ProtocolException(
                    ErrorCode.UNKNOWN_COMMAND, packet.type().cName() + " is not a blockfile record");
        }
    }

    private void acceptBlock(ReceivedBlock block) throws ProtocolException {
        ChainState.BlockReceipt receipt = state.processBlock(block, BlockFlags.REPLAY, Origin.BLOCKFILE);
        replayed.accept(receipt.events());
        BlockIntake.Result r = receipt.intake();
        if (r instanceof BlockIntake.Invalid i) {
            throw new ProtocolException(i.error(), i.reason());
        }
        if (!(r instanceof BlockIntake.Attached) && !(r instanceof BlockIntake.Known)) {
            throw new IllegalStateException("a replayed block neither attached nor refused: " + r);
        }
        blocks++;
    }

    private void acceptTx(TxWithProof proven) throws ProtocolException {
        ContentResult r = state.receiveTxInBlock(proven, Origin.BLOCKFILE);
        replayed.accept(r.events());
        if (r instanceof ContentResult.UnknownBlock) {
            txsForUnknownBlocks++; // as in C: skipped, not fatal
        } else if (r instanceof ContentResult.Refused refused) {
            throw new ProtocolException(
                    refused.error(), "tx record for " + proven.proof().position() + " refused");
        } else {
            txs++;
        }
    }
}
