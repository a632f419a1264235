package org.pettycoin.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockCodec;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.ProtocolException;

/** The main chain of the C node's run A (blocks_A_mainchain.jsonl): heights 1..112 in order. */
public final class MainChainVectors {
    public record Entry(long height, Hash256 id, Hash256 prev, Block block, byte[] marshalled) {
    }

    private MainChainVectors() {
    }

    public static Path vectorsDir() {
        return Path.of(System.getProperty("pettycoin.vectors", "../shared/vectors"));
    }

    public static List<Entry> load() {
        ObjectMapper mapper = new ObjectMapper();
        List<Entry> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(vectorsDir().resolve("blocks_A_mainchain.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = mapper.readTree(line);
                byte[] marshalled = Hex.decode(n.get("marshalled_block_hex").asText());
                out.add(new Entry(n.get("height").asLong(), Hash256.fromHex(n.get("id").asText()),
                        Hash256.fromHex(n.get("prev").asText()), BlockCodec.decode(marshalled), marshalled));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProtocolException e) {
            throw new AssertionError("a C block failed to decode", e);
        }
        return out;
    }
}
