package org.pettycoin.chain;

import org.pettycoin.crypto.Sha256;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockCodec;
import org.pettycoin.protocol.BlockTailer;
import org.pettycoin.protocol.ByteWriter;
import org.pettycoin.protocol.Hash256;

/**
 * Block ids ({@code hash_block}, C's hash_block.c):
 * SHA256d(SHA256d(prev_txhashes) ‖ SHA256d(merkles) ‖ header ‖ num_txs ‖ tailer).
 * Everything before the tailer is the miner's fixed prefix (see {@link #prefix}).
 */
public final class BlockIds {
    private BlockIds() {}

    public static Hash256 id(Block block) {
        return Sha256.doubleSha256(prefix(block), BlockCodec.encodeTailer(block.tailer()));
    }

    /**
     * The id pre-image up to the tailer (64 + 684 + N bytes): constant while a miner varies only the
     * 12-byte tailer, so it can be absorbed into a SHA-256 midstate once.
     */
    public static byte[] prefix(Block block) {
        ByteWriter w = new ByteWriter(2 * Hash256.LENGTH + 684 + block.numShards());
        w.bytes(Sha256.doubleSha256(block.prevTxhashes().toByteArray()));
        w.bytes(hashOfMerkles(block));
        BlockCodec.encodeHeader(block.header(), w);
        w.bytes(block.numTxs());
        return w.toByteArray();
    }

    /** Length of the whole id pre-image for a block of {@code numShards} shards. */
    public static int preimageLength(int numShards) {
        return 2 * Hash256.LENGTH + 684 + numShards + BlockTailer.LENGTH;
    }

    static Hash256 hashOfMerkles(Block block) {
        ByteWriter w = new ByteWriter(Hash256.LENGTH * block.numShards());
        w.hashes(block.merkles());
        return Sha256.doubleSha256(w.toByteArray());
    }
}
