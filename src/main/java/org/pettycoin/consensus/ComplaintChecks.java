package org.pettycoin.consensus;

import java.util.Optional;
import java.util.function.Function;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Feature;
import org.pettycoin.crypto.Sha256;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.ComplainBadInputRefPacket;
import org.pettycoin.protocol.ComplainClaimInputInvalidPacket;
import org.pettycoin.protocol.ComplainDoublespendPacket;
import org.pettycoin.protocol.ComplainTxBadAmountPacket;
import org.pettycoin.protocol.ComplainTxBadInputPacket;
import org.pettycoin.protocol.ComplainTxInvalidPacket;
import org.pettycoin.protocol.ComplainTxMisorderPacket;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.Position;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;
import org.pettycoin.protocol.TxRefHash;

/**
 * Whether a received complaint (packet types 24–30) proves a block invalid (C's
 * recv_complain.c). Only block headers are needed: every tx involved travels in the complaint with a
 * merkle proof. Checks run in the C receiver's order so a refused complaint gets the ecode a C node
 * would send, except where we fix C (docs/c-differences.md #20 to #23), noted at each place.
 * The caller acts on the verdict (C's complain.c publish_complaint); this class changes nothing.
 */
public final class ComplaintChecks {
    private final ProvenTxs proven;
    private final InputProblems inputs;
    private final TxChecks txChecks;
    private final int knownFeatures;

    /**
     * @param blocks the blocks we hold, by id (headers suffice)
     * @param knownFeatures the feature bits whose rules we apply once active (ChainState.Config)
     */
    public ComplaintChecks(Function<Hash256, Optional<BlockNode>> blocks, TxChecks txChecks, int knownFeatures) {
        this.proven = new ProvenTxs(blocks, txChecks);
        this.inputs = new InputProblems(txChecks);
        this.txChecks = txChecks;
        this.knownFeatures = knownFeatures;
    }

    public ComplaintChecks(BlockTree tree, TxChecks txChecks, int knownFeatures) {
        this(tree::find, txChecks, knownFeatures);
    }

    /** Knowing every feature of this build. */
    public ComplaintChecks(BlockTree tree, TxChecks txChecks) {
        this(tree::find, txChecks, Feature.allBits());
    }

    /**
     * Judges {@code p}.
     *
     * @return the block it proves invalid, or the unknown block it is about
     * @throws ProtocolException the complaint is wrong or malformed: send PKT_ERR with its code
     */
    public ComplaintVerdict check(ComplaintPacket p) throws ProtocolException {
        try {
            return new ComplaintVerdict.Proved(invalidBlock(p));
        } catch (UnknownBlockException e) {
            return new ComplaintVerdict.UnknownBlock(e.id());
        }
    }

    private BlockNode invalidBlock(ComplaintPacket p) throws ProtocolException, UnknownBlockException {
        if (p instanceof ComplainTxMisorderPacket m) {
            return misorder(m);
        } else if (p instanceof ComplainTxInvalidPacket i) {
            return txInvalid(i);
        } else if (p instanceof ComplainTxBadInputPacket b) {
            return badInput(b);
        } else if (p instanceof ComplainDoublespendPacket d) {
            return doublespend(d);
        } else if (p instanceof ComplainBadInputRefPacket r) {
            return badInputRef(r);
        } else if (p instanceof ComplainTxBadAmountPacket a) {
            return badAmount(a);
        }
        return claimInputInvalid((ComplainClaimInputInvalidPacket) p);
    }

    /**
     * COMPLAIN_TX_MISORDER (24, C's recv_complain_tx_misorder): two txs of one block and shard out
     * of canonical order; the second was placed first.
     */
    private BlockNode misorder(ComplainTxMisorderPacket p) throws ProtocolException, UnknownBlockException {
        BlockNode block = proven.resolve(p.tx1());
        BlockNode block2;
        try {
            block2 = proven.resolve(p.tx2());
        } catch (UnknownBlockException e) {
            // C does not drop this one: the second tx should be in the block it just found.
            throw new ProtocolException(ErrorCode.UNKNOWN_BLOCK, "second tx is in unknown block " + e.id());
        }
        Position pos1 = p.tx1().proof().position();
        Position pos2 = p.tx2().proof().position();
        if (!block2.id().equals(block.id()) || pos1.shard() != pos2.shard()) {
            throw new ProtocolException(ErrorCode.BAD_MISORDER_POS, "the txs are not in one block and shard");
        }
        int order = TxShards.CANONICAL_ORDER.compare(p.tx1().tx(), p.tx2().tx());
        boolean misordered;
        if (pos1.txoff() < pos2.txoff()) {
            misordered = order >= 0;
        } else if (pos1.txoff() > pos2.txoff()) {
            misordered = order <= 0;
        } else {
            throw new ProtocolException(ErrorCode.BAD_MISORDER_POS, "both txs at txoff " + pos1.txoff());
        }
        if (!misordered) {
            throw new ProtocolException(ErrorCode.COMPLAINT_INVALID, "the txs are in canonical order");
        }
        return block;
    }

    /**
     * COMPLAIN_TX_INVALID (25, C's recv_complain_tx_invalid): a tx blob in a block that does not
     * unmarshal or fails {@code check_tx} with the ecode claimed. The refs are the bytes after the
     * tx (docs/c-differences.md #23); C wants none there, so it can only take complaints about txs
     * without inputs.
     */
    private BlockNode txInvalid(ComplainTxInvalidPacket p) throws ProtocolException, UnknownBlockException {
        BlockNode block = proven.block(p.proof().position().block());
        ErrorCode found = firstError(p.tx(), block.block().header().shardOrder());
        if (found == ErrorCode.NONE) {
            throw new ProtocolException(ErrorCode.COMPLAINT_INVALID, "the tx is valid");
        }
        if (found.code() != p.error()) {
            throw new ProtocolException(
                    ErrorCode.COMPLAINT_INVALID, "the tx fails with " + found.cName() + ", not ecode " + p.error());
        }
        TxRefHash blobs = new TxRefHash(
                Sha256.doubleSha256(p.tx().toByteArray()),
                Sha256.doubleSha256(p.refs().toByteArray()));
        if (!MerkleTree.check(p.proof(), blobs, block.block())) {
            throw new ProtocolException(ErrorCode.BAD_PROOF, "the blobs are not at the position given in " + block);
        }
        return block;
    }

    /** {@code unmarshal_tx} with no trailing bytes, then {@code check_tx} in the block: the first ecode. */
    private ErrorCode firstError(Bytes blob, int shardOrder) {
        try {
            txChecks.check(TxCodec.decode(blob.toByteArray()), shardOrder);
            return ErrorCode.NONE;
        } catch (ProtocolException e) {
            return e.code();
        }
    }

    /**
     * COMPLAIN_TX_BAD_INPUT (26, C's recv_complain_tx_bad_input): the tx an input of a block's tx
     * spends has no such output, or paid it to someone else.
     */
    private BlockNode badInput(ComplainTxBadInputPacket p) throws ProtocolException, UnknownBlockException {
        BlockNode block = proven.resolve(p.proven());
        inputs.checkInputTx(p.input());
        if (InputProblems.spentOutput(p.proven().tx(), p.inputNum(), p.input()).isPresent()) {
            throw new ProtocolException(ErrorCode.COMPLAINT_INVALID, "input " + p.inputNum() + " is good");
        }
        return block;
    }

    /**
     * COMPLAIN_DOUBLESPEND (27, C's recv_complain_doublespend): two txs, the first in an
     * ancestor-or-self of the second's block, spend the same output; the later block is invalid.
     * The two must sit in different slots (docs/c-differences.md #21): C takes one tx proved twice
     * at one position, which would condemn any block holding a tx with inputs.
     */
    private BlockNode doublespend(ComplainDoublespendPacket p) throws ProtocolException, UnknownBlockException {
        BlockNode block1 = proven.resolve(p.tx1());
        Input input1 = InputProblems.input(p.tx1().tx(), p.input1());
        BlockNode block2 = proven.resolve(p.tx2());
        Input input2 = InputProblems.input(p.tx2().tx(), p.input2());
        if (!input1.txid().equals(input2.txid()) || input1.output() != input2.output()) {
            throw new ProtocolException(ErrorCode.BAD_INPUT, "the inputs spend different outputs");
        }
        if (!block1.precedes(block2)) {
            throw new ProtocolException(ErrorCode.BAD_DOUBLESPEND_BLOCKS, block1 + " does not precede " + block2);
        }
        if (ProvenTxs.samePlace(p.tx1().proof().position(), p.tx2().proof().position())) {
            throw new ProtocolException(ErrorCode.COMPLAINT_INVALID, "one tx slot proved twice is no double spend");
        }
        return block2;
    }

    /**
     * COMPLAIN_BAD_INPUT_REF (28, C's recv_complain_bad_input_ref): ref {@code inputNum} of a
     * block's tx points at the slot proved second, and the tx there is not the one the input
     * spends.
     */
    private BlockNode badInputRef(ComplainBadInputRefPacket p) throws ProtocolException, UnknownBlockException {
        BlockNode block = proven.resolve(p.proven());
        Tx tx = p.proven().tx();
        Input named = InputProblems.input(tx, p.inputNum());
        InputRef ref = p.proven().refs().get((int) p.inputNum());
        BlockNode referred = proven.resolve(p.input());
        Position at = p.input().proof().position();
        boolean pointsThere = block.ancestor(ref.blocksAgo())
                        .map(a -> a.id().equals(referred.id()))
                        .orElse(false)
                && at.shard() == ref.shard()
                && at.txoff() == ref.txoff();
        if (!pointsThere) {
            throw new ProtocolException(
                    ErrorCode.BAD_INPUT, "ref " + p.inputNum() + " does not point at the tx proved");
        }
        if (TxHashes.txid(p.input().tx()).equals(named.txid())) {
            throw new ProtocolException(ErrorCode.COMPLAINT_INVALID, "ref " + p.inputNum() + " is right");
        }
        return block;
    }

    /**
     * COMPLAIN_TX_BAD_AMOUNT (29, C's recv_complain_tx_bad_amount): a block's tx whose inputs, all
     * given and good, do not pay what it sends plus its fee.
     */
    private BlockNode badAmount(ComplainTxBadAmountPacket p) throws ProtocolException, UnknownBlockException {
        BlockNode block = proven.resolve(p.proven());
        inputs.checkBadAmount(p.proven().tx(), p.inputs());
        return block;
    }

    /**
     * COMPLAIN_CLAIM_INPUT_INVALID (30, C's recv_complain_claim_input_invalid): a block's claim tx
     * may not claim the reward tx it names.
     */
    private BlockNode claimInputInvalid(ComplainClaimInputInvalidPacket p)
            throws ProtocolException, UnknownBlockException {
        BlockNode claimBlock = proven.resolve(p.claim());
        BlockNode rewardBlock = proven.resolve(p.reward());
        if (!(p.claim().tx() instanceof ClaimTx claim)) {
            throw new ProtocolException(
                    ErrorCode.COMPLAINT_INVALID,
                    "not a claim: " + p.claim().tx().type());
        }
        Tx rewardTx = p.reward().tx();
        if (!claim.input().txid().equals(TxHashes.txid(rewardTx))) {
            throw new ProtocolException(ErrorCode.COMPLAINT_INVALID, "the claim does not name the reward tx given");
        }
        Position at = p.reward().proof().position();
        // Before Feature.REWARDS is active at the claim's block (or on a node that does not know it), C's
        // rule: check_claim_input never passes, so every such complaint holds (docs/c-differences.md #3).
        Optional<Long> worth = ClaimRule.inBlock(claimBlock, knownFeatures)
                .worth(claim, rewardBlock, new Rewards.Slot(at.shard(), at.txoff()), rewardTx);
        if (worth.isPresent() && TxAmounts.correctAmount(claim, worth.get())) {
            throw new ProtocolException(ErrorCode.COMPLAINT_INVALID, "the claim is valid");
        }
        return claimBlock;
    }
}
