package org.pettycoin.chain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockCodec;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.Vectors;

/** The main chain of the C node's run A (blocks_A_mainchain.jsonl): heights 1..112 in order. */
public final class MainChainVectors {
    @SuppressWarnings("ArrayRecordComponent") // test data, never compared
    public record Entry(long height, Hash256 id, Hash256 prev, Block block, byte[] marshalled) {}

    private MainChainVectors() {}

    public static List<Entry> load() {
        List<Entry> out = new ArrayList<>();
        for (JsonNode n : Vectors.jsonl("blocks_A_mainchain.jsonl")) {
            byte[] marshalled = Hex.decode(n.get("marshalled_block_hex").asText());
            try {
                out.add(new Entry(
                        n.get("height").asLong(),
                        Hash256.fromHex(n.get("id").asText()),
                        Hash256.fromHex(n.get("prev").asText()),
                        BlockCodec.decode(marshalled),
                        marshalled));
            } catch (ProtocolException e) {
                throw new AssertionError("a C block failed to decode", e);
            }
        }
        return out;
    }
}
