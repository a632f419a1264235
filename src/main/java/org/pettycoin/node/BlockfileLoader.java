package org.pettycoin.node;

import java.io.IOException;
import java.util.Optional;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.consensus.HeaderValidator;
import org.pettycoin.consensus.MerkleTree;
import org.pettycoin.consensus.RefChecks;
import org.pettycoin.consensus.TxChecks;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.TxWithProof;
import org.pettycoin.store.Blockfile;
import org.pettycoin.store.ReplayResult;

/**
 * Replays a blockfile into a block tree at start-up (C's blockfile.c load_blocks): block records get the full
 * header checks except the prev_txhashes count (as C); tx records get the stand-alone tx checks, the
 * ref checks and the proof check against their block; anything refused ends the replay. Records must come parents first, as they are
 * written, so a block with an unknown parent is corruption, not a detached block.
 */
public final class BlockfileLoader {
    /** What the replay found: records and their kinds, the most-work tip, and where it stopped. */
    public record Summary(ReplayResult replay, long blocks, long txs, long txsForUnknownBlocks, BlockNode tip) {}

    /** Where proven txs go once checked (the contents store; a no-op when only verifying). */
    @FunctionalInterface
    public interface TxSink {
        void accept(BlockNode block, TxWithProof tx);
    }

    private final BlockTree tree;
    private final TxSink txSink;
    private final TxChecks txChecks = new TxChecks();
    private final long nowSeconds;
    private long blocks;
    private long txs;
    private long txsForUnknownBlocks;

    public BlockfileLoader(BlockTree tree, TxSink txSink, long nowSeconds) {
        this.tree = tree;
        this.txSink = txSink;
        this.nowSeconds = nowSeconds;
    }

    public Summary load(Blockfile file) throws IOException {
        ReplayResult r = file.replay((frame, offset) -> {
            try {
                accept(PacketCodec.decode(frame));
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
                tree.heads().longestChains().get(0));
    }

    private void accept(Packet packet) throws ProtocolException {
        if (packet instanceof BlockPacket b) {
            acceptBlock(b.block());
        } else if (packet instanceof TxInBlockPacket t) {
            acceptTx(t.proven());
        } else {
            throw new ProtocolException(
                    ErrorCode.UNKNOWN_COMMAND, packet.type().cName() + " is not a blockfile record");
        }
    }

    private void acceptBlock(Block block) throws ProtocolException {
        Hash256 id = BlockIds.id(block);
        if (!tree.contains(id)) {
            HeaderValidator.checkHeader(tree, block, id, nowSeconds);
            tree.add(block, id);
        }
        blocks++;
    }

    private void acceptTx(TxWithProof proven) throws ProtocolException {
        Optional<BlockNode> block = tree.find(proven.proof().position().block());
        if (block.isEmpty()) {
            // As in C: a tx record for a block we do not have is skipped, not fatal.
            txsForUnknownBlocks++;
            return;
        }
        // The order of PKT_TX_IN_BLOCK's receiver (C's recv_tx.c recv_tx): check_tx, check_refs, check_proof.
        txChecks.check(proven.tx(), block.get().block().header().shardOrder());
        RefChecks.checkRefs(block.get(), proven.refs());
        if (!MerkleTree.check(
                proven.proof(),
                TxHashes.txRefHash(proven.tx(), proven.refs()),
                block.get().block())) {
            throw new ProtocolException(
                    ErrorCode.BAD_PROOF,
                    "tx " + TxHashes.txid(proven.tx()) + " is not at "
                            + proven.proof().position());
        }
        txSink.accept(block.get(), proven);
        txs++;
    }
}
