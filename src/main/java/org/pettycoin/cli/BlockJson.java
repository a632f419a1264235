package org.pettycoin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockCodec;
import org.pettycoin.protocol.BlockHeader;
import org.pettycoin.protocol.Hex;

/** A block as JSON: its id, every header and tailer field, and the marshalled bytes. */
final class BlockJson {
    private BlockJson() {}

    static ObjectNode of(Block block) {
        ObjectNode o = Json.object();
        BlockHeader h = block.header();
        o.put("id", BlockIds.id(block).hex());
        o.put("version", 1);
        o.put("features_vote", h.featuresVote());
        o.put("shard_order", h.shardOrder());
        o.put("nonce2", h.nonce2().hex());
        o.put("num_prev_txhashes", h.numPrevTxhashes());
        o.put("height", h.height());
        o.put("fees_to", h.feesTo().hex());
        ArrayNode prevs = o.putArray("prevs");
        h.prevs().forEach(p -> prevs.add(p.hex()));
        ArrayNode numTxs = o.putArray("num_txs");
        for (int i = 0; i < block.numShards(); i++) {
            numTxs.add(block.numTxs(i));
        }
        ArrayNode merkles = o.putArray("merkles");
        block.merkles().forEach(m -> merkles.add(m.hex()));
        o.put("prev_txhashes", block.prevTxhashes().hex());
        o.put("timestamp", block.tailer().timestamp());
        o.put("difficulty", String.format("0x%08x", block.tailer().difficulty()));
        o.put("nonce1", block.tailer().nonce1());
        o.put("hex", Hex.encode(BlockCodec.encode(block)));
        return o;
    }
}
