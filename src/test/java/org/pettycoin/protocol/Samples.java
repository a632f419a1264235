package org.pettycoin.protocol;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Small fixed wire values for rule tests: the C vectors' txs and blocks, and simple hand-made ones. */
final class Samples {
    /** TX1 of transactions.txt: FROM_GATEWAY with one output, so no inputs and no refs. */
    static final byte[] FROM_GATEWAY =
            Hex.decode(Vectors.sections("transactions.txt").get("TX1").get("hex"));
    /** TX2 of transactions.txt: NORMAL with one input. */
    static final byte[] NORMAL =
            Hex.decode(Vectors.sections("transactions.txt").get("TX2").get("hex"));
    /** The testnet genesis block, marshalled (828 bytes, 4 shards, no prev_txhashes). */
    static final byte[] GENESIS =
            Hex.decode(Vectors.lines("genesis_block.hex").get(0).strip());

    private Samples() {}

    static Hash256 hash(int fill) {
        byte[] b = new byte[Hash256.LENGTH];
        Arrays.fill(b, (byte) fill);
        return Hash256.of(b);
    }

    static Tx tx(byte[] bytes) {
        try {
            return TxCodec.decode(bytes);
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    static Block genesis() {
        try {
            return BlockCodec.decode(GENESIS);
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    static ClaimTx claim() {
        return new ClaimTx(
                false, 0, PublicKey.of(new byte[PublicKey.LENGTH]), 5, new Input(hash(7), 2), Signature.ZERO);
    }

    static Proof proof(Hash256 block, int shard, int txoff) {
        return new Proof(new Position(block, shard, txoff), Collections.nCopies(Protocol.MERKLE_DEPTH, hash(9)));
    }

    /** NORMAL tx (one input) with one ref, proven at shard 1, txoff 0 of {@code block}. */
    static TxWithProof provenNormal(Hash256 block) {
        return new TxWithProof(proof(block, 1, 0), tx(NORMAL), List.of(new InputRef(1, 1, 0)));
    }
}
