package org.pettycoin.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.store.Blockfile;

/**
 * What a blockfile holds, read as the node's replay reads it (store.Blockfile, read-only): where each
 * whole record starts and which blocks are in it. The crash harness uses it to cut a file at a record
 * boundary or inside a record, and to know which blocks a node must still have after the cut.
 */
record BlockfileRecords(List<Long> starts, long end, Map<String, Long> blocks) {
    BlockfileRecords {
        starts = List.copyOf(starts);
        blocks = Map.copyOf(blocks);
    }

    /** Reads {@code file} up to its first torn record, as a replay would. */
    static BlockfileRecords read(Path file) throws IOException {
        List<Long> starts = new ArrayList<>();
        Map<String, Long> blocks = new HashMap<>();
        long end;
        try (Blockfile b = Blockfile.openReadOnly(file)) {
            end = b.replay((frame, offset) -> {
                        try {
                            Packet p = PacketCodec.decode(frame);
                            if (p instanceof BlockPacket bp) {
                                blocks.put(
                                        BlockIds.id(bp.block()).hex(),
                                        bp.block().height());
                            }
                        } catch (ProtocolException e) {
                            return Optional.of(e.getMessage());
                        }
                        starts.add(offset);
                        return Optional.empty();
                    })
                    .validLength();
        }
        return new BlockfileRecords(starts, end, blocks);
    }
}
