package org.pettycoin.chainstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockCodec;
import org.pettycoin.protocol.ByteReader;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.Vectors;
import org.pettycoin.store.Blockfile;

/**
 * The C node's blockfile of run A, fed block by block through our intake: every block (forks
 * included) passes our header checks and we reach the C node's tip. Each record is also compared
 * with the C helper's dump (blockfile_A_dump.txt) and the readable selection (blocks_A_selected.txt).
 */
class RunABlockfileTest {
    private static final String C_TIP = "1f0a2df27f8db8bdaf5d7555c72e3b02594f5ea0fb9fa8cc62d399721d000000";

    @Test
    void everyBlockAttachesAndTheTipIsTheCNodes() throws IOException {
        Map<Long, Map<String, String>> dump = dumpByOffset();
        List<Block> blocks = new ArrayList<>();
        try (Blockfile f = Blockfile.openReadOnly(Vectors.dir().resolve("blockfile_A.bin"))) {
            f.replay((frame, offset) -> {
                Map<String, String> d = dump.get(offset);
                assertThat(d).as("dump entry at %d", offset).isNotNull();
                assertThat(d.get("pkt")).isEqualTo(Hex.encode(frame));
                if (frame[4] == 8) {
                    try {
                        Block b = BlockCodec.decode(new ByteReader(frame, 12, frame.length - 12));
                        assertThat(BlockIds.id(b).hex()).isEqualTo(d.get("id"));
                        assertThat(b.height()).isEqualTo(Long.parseLong(d.get("height")));
                        assertThat(b.header().parent().hex()).isEqualTo(d.get("prev"));
                        assertThat(b.tailer().timestamp()).isEqualTo(Long.parseLong(d.get("ts")));
                        assertThat(String.format("0x%08x", b.tailer().difficulty()))
                                .isEqualTo(d.get("diff"));
                        assertThat(b.header().numPrevTxhashes()).isEqualTo(Long.parseLong(d.get("nprevtx")));
                        blocks.add(b);
                    } catch (ProtocolException e) {
                        return Optional.of(e.getMessage());
                    }
                }
                return Optional.empty();
            });
        }
        assertThat(blocks).hasSize(190);
        long now = blocks.stream().mapToLong(b -> b.tailer().timestamp()).max().orElseThrow() + 1;
        BlockTree tree = new BlockTree(Network.TESTNET);
        BlockIntake intake = new BlockIntake(tree, new DetachedBlockPool(), () -> now, () -> 0L);
        for (Block b : blocks) {
            assertThat(intake.receive(b).status()).isEqualTo(BlockIntake.Status.ATTACHED);
        }
        assertThat(tree.size()).isEqualTo(191);
        BlockNode tip = tree.heads().longestChains().get(0);
        assertThat(tip.id().hex()).isEqualTo(C_TIP);
        assertThat(tip.height()).isEqualTo(112);
    }

    @Test
    void theReadableSelectionAgreesWithTheMainChainFile() {
        Map<String, String> pktById = new HashMap<>();
        Vectors.jsonl("blocks_A_mainchain.jsonl")
                .forEach(n -> pktById.put(n.get("id").asText(), n.get("pkt_hex").asText()));
        int seen = 0;
        String id = null;
        for (String line : Vectors.lines("blocks_A_selected.txt")) {
            if (line.startsWith("id=")) {
                id = line.substring(3);
            } else if (line.startsWith("pkt_hex=")) {
                assertThat(line.substring(8)).isEqualTo(pktById.get(id));
                seen++;
            }
        }
        assertThat(seen).isEqualTo(14);
    }

    /** BLOCK/TX records of the dump, keyed by file offset: the fields of the first two lines plus pkt. */
    private static Map<Long, Map<String, String>> dumpByOffset() {
        Map<Long, Map<String, String>> out = new HashMap<>();
        Map<String, String> current = null;
        for (String line : Vectors.lines("blockfile_A_dump.txt")) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            String[] words = t.split(" ", -1);
            int start = 0;
            if (!line.startsWith(" ")) {
                current = new HashMap<>();
                current.put("kind", words[0]);
                start = 1;
            }
            for (int i = start; i < words.length; i++) {
                int eq = words[i].indexOf('=');
                if (eq > 0) {
                    current.put(words[i].substring(0, eq), words[i].substring(eq + 1));
                }
            }
            if (current.containsKey("off") && !out.containsValue(current)) {
                out.put(Long.parseLong(current.get("off")), current);
            }
        }
        return out;
    }
}
