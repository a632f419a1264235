package org.pettycoin.consensus;

import java.util.Optional;
import java.util.function.Function;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Position;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.TxWithProof;

/**
 * The "proven tx" most complaints carry (C's recv_complain.c unmarshal_proven_tx): a tx and its
 * refs with a merkle proof that they sit at a position of a block. The C receiver parses the tx
 * from the proof's first byte and so refuses every such complaint (docs/c-differences.md #20); our
 * codec has already parsed it correctly, which leaves the lookup and the two checks, in C's order:
 * find the block, {@code check_tx} against it, then the proof.
 */
final class ProvenTxs {
    private final Function<Hash256, Optional<BlockNode>> blocks;
    private final TxChecks txChecks;

    ProvenTxs(Function<Hash256, Optional<BlockNode>> blocks, TxChecks txChecks) {
        this.blocks = blocks;
        this.txChecks = txChecks;
    }

    /** The block with this id, or the signal to drop the complaint and fetch the block. */
    BlockNode block(Hash256 id) throws UnknownBlockException {
        return blocks.apply(id).orElseThrow(() -> new UnknownBlockException(id));
    }

    /**
     * The block {@code proven} is proved to sit in.
     *
     * @throws ProtocolException the tx's {@code check_tx} ecode in that block, or BAD_PROOF
     */
    BlockNode resolve(TxWithProof proven) throws ProtocolException, UnknownBlockException {
        Position pos = proven.proof().position();
        BlockNode block = block(pos.block());
        txChecks.check(proven.tx(), block.block().header().shardOrder());
        if (!MerkleTree.check(proven.proof(), TxHashes.txRefHash(proven.tx(), proven.refs()), block.block())) {
            throw new ProtocolException(
                    ErrorCode.BAD_PROOF,
                    "tx is not at shard " + pos.shard() + " txoff " + pos.txoff() + " of " + block);
        }
        return block;
    }

    /** The same tx slot: block, shard and txoff. {@code unused} is not part of where a tx is. */
    static boolean samePlace(Position a, Position b) {
        return a.block().equals(b.block()) && a.shard() == b.shard() && a.txoff() == b.txoff();
    }
}
