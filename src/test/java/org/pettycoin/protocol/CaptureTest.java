package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every packet of two real C-node sessions (vectors/capture_*.jsonl) decodes and re-encodes byte for byte. */
class CaptureTest {
    private static final String HANDSHAKE = "capture_handshake_genesis.jsonl";
    private static final String SYNC = "capture_sync.jsonl";

    @SuppressWarnings("ArrayRecordComponent") // test data, never compared
    record Captured(int seq, String dir, byte[] frame, Packet packet) {}

    private static List<Captured> load(String file) throws ProtocolException {
        List<Captured> out = new ArrayList<>();
        for (JsonNode n : Vectors.jsonl(file)) {
            byte[] frame = Hex.decode(n.get("hex").asText());
            Packet p = PacketCodec.decode(frame);
            assertThat(p.type().code())
                    .as("seq %d", n.get("seq").asInt())
                    .isEqualTo(n.get("type").asInt());
            assertThat(p.type().name()).isEqualTo(n.get("type_name").asText());
            assertThat(frame).hasSize(n.get("len").asInt());
            out.add(new Captured(n.get("seq").asInt(), n.get("dir").asText(), frame, p));
        }
        return out;
    }

    private static Map<Class<?>, Long> countByKind(List<Captured> packets) {
        return packets.stream().collect(Collectors.groupingBy(c -> c.packet().getClass(), Collectors.counting()));
    }

    private static <P extends Packet> List<P> all(List<Captured> packets, Class<P> kind) {
        return packets.stream()
                .map(Captured::packet)
                .filter(kind::isInstance)
                .map(kind::cast)
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {HANDSHAKE, SYNC})
    void everyPacketReencodesToTheCapturedBytes(String file) throws ProtocolException {
        for (Captured c : load(file)) {
            assertThat(PacketCodec.encode(c.packet())).as("seq %d", c.seq()).isEqualTo(c.frame());
        }
    }

    @Test
    void handshakeAtGenesisIsWelcomeThenPeersAndFilter() throws ProtocolException {
        List<Captured> packets = load(HANDSHAKE);
        assertThat(countByKind(packets))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        WelcomePacket.class,
                        2L,
                        GetPeersPacket.class,
                        2L,
                        SetFilterPacket.class,
                        2L,
                        PeersPacket.class,
                        2L));
        for (WelcomePacket w : all(packets, WelcomePacket.class)) {
            assertThat(w.version()).isEqualTo(Protocol.VERSION);
            assertThat(w.monikerText()).isEqualTo("ICBINB! v-alpha01-184-g203524c");
            assertThat(w.moniker()).isEqualTo(WelcomePacket.moniker("ICBINB! v-alpha01-184-g203524c"));
            assertThat(w.interests()).isEqualTo(WelcomePacket.ALL_INTERESTS);
            assertThat(w.interestCount()).isEqualTo(Protocol.INTEREST_BITS);
            assertThat(w.bestBlock()).as("nodes at genesis attach no block").isEmpty();
        }
        assertThat(all(packets, SetFilterPacket.class)).containsOnly(SetFilterPacket.SYNCED);
        // n1 listens on 19401: its welcome says so, and n2 then hands that port out in PEERS.
        WelcomePacket fromN1 = all(packets, WelcomePacket.class).get(1);
        assertThat(packets.get(1).dir()).isEqualTo("IN");
        assertThat(fromN1.listenPort()).isEqualTo(19401);
        assertThat(all(packets, PeersPacket.class))
                .allSatisfy(p -> assertThat(p.peers()).hasSize(1));
    }

    @Test
    void syncCaptureHasEveryKindOfSyncTraffic() throws ProtocolException {
        Map<Class<?>, Long> counts = countByKind(load(SYNC));
        assertThat(counts)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry(WelcomePacket.class, 2L), Map.entry(GetPeersPacket.class, 2L),
                        Map.entry(PeersPacket.class, 2L), Map.entry(SetFilterPacket.class, 2L),
                        Map.entry(GetBlockPacket.class, 305L), Map.entry(BlockPacket.class, 311L),
                        Map.entry(GetChildrenPacket.class, 218L), Map.entry(ChildrenPacket.class, 218L),
                        Map.entry(GetShardPacket.class, 5L), Map.entry(ShardPacket.class, 4L),
                        Map.entry(GetTxInBlockPacket.class, 3L), Map.entry(TxInBlockPacket.class, 3L)));
    }

    @Test
    void hubWelcomeCarriesItsTip() throws ProtocolException {
        List<Captured> packets = load(SYNC);
        WelcomePacket hub = packets.stream()
                .filter(c -> c.dir().equals("IN"))
                .map(Captured::packet)
                .map(WelcomePacket.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(hub.bestBlock()).hasValueSatisfying(b -> {
            assertThat(b.height()).isEqualTo(218);
            assertThat(BlockCodec.length(b)).isEqualTo(9156 - WelcomePacket.FIXED_LENGTH);
        });
        assertThat(hub.monikerText()).isEqualTo("ICBINB! v-alpha01-183-gbc3125e");
    }

    @Test
    void childrenAndShardRepliesHaveTheirEntries() throws ProtocolException {
        List<Captured> packets = load(SYNC);
        Map<Integer, Long> childCounts = all(packets, ChildrenPacket.class).stream()
                .collect(Collectors.groupingBy(c -> c.children().size(), Collectors.counting()));
        assertThat(childCounts).containsExactlyInAnyOrderEntriesOf(Map.of(0, 1L, 1, 129L, 2, 88L));
        assertThat(all(packets, ShardPacket.class))
                .allSatisfy(s -> assertThat(s.hashes()).hasSize(1));
        // C zeroes GET_SHARD's unused field, as our two-argument constructor does.
        assertThat(all(packets, GetShardPacket.class))
                .allSatisfy(g ->
                        assertThat(new GetShardPacket(g.block(), g.shard())).isEqualTo(g));
    }

    @Test
    void txInBlockRepliesAnswerTheirRequests() throws ProtocolException {
        List<Captured> packets = load(SYNC);
        List<Position> asked = all(packets, GetTxInBlockPacket.class).stream()
                .map(GetTxInBlockPacket::position)
                .toList();
        List<TxWithProof> answers = all(packets, TxInBlockPacket.class).stream()
                .map(TxInBlockPacket::proven)
                .toList();
        assertThat(answers).extracting(t -> t.proof().position()).containsExactlyElementsOf(asked);
        assertThat(answers)
                .extracting(t -> t.tx().type())
                .containsExactly(TxType.TO_GATEWAY, TxType.NORMAL, TxType.FROM_GATEWAY);
        Map<TxType, Integer> refs = answers.stream()
                .collect(Collectors.toMap(t -> t.tx().type(), t -> t.refs().size()));
        assertThat(refs)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(TxType.TO_GATEWAY, 1, TxType.NORMAL, 1, TxType.FROM_GATEWAY, 0));
    }

    @Test
    void hubSendsEveryAncestorOfItsTipWithForks() throws ProtocolException {
        List<Long> heights = load(SYNC).stream()
                .filter(c -> c.dir().equals("IN"))
                .map(Captured::packet)
                .filter(BlockPacket.class::isInstance)
                .map(p -> ((BlockPacket) p).block().height())
                .toList();
        assertThat(heights).hasSize(305);
        assertThat(heights.stream().distinct().sorted().toList())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 217).boxed().toList());
    }
}
