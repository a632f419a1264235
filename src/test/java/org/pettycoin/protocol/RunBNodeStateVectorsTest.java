package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockIds;

/**
 * The hub of run B as its RPC described it (getinfo, getpeerinfo) agrees with what it sent on the
 * wire (capture_sync.jsonl is a node syncing from that hub): its welcome carries the tip getinfo
 * names, and the names getpeerinfo prints are our ecode and packet display names.
 */
class RunBNodeStateVectorsTest {
    @Test
    void theHubsWelcomeCarriesTheTipGetinfoReports() throws ProtocolException {
        JsonNode info = Vectors.json("json_getinfo.json");
        JsonNode tip = info.get("longest").get(0);
        JsonNode welcome = Vectors.jsonl("capture_sync.jsonl").stream()
                .filter(p -> p.get("dir").asText().equals("IN") && p.get("type").asInt() == 2)
                .findFirst()
                .orElseThrow();
        WelcomePacket w =
                (WelcomePacket) PacketCodec.decode(Hex.decode(welcome.get("hex").asText()));
        Block best = w.bestBlock().orElseThrow();
        assertThat(BlockIds.id(best).hex()).isEqualTo(tip.get("sha").asText());
        assertThat(best.height()).isEqualTo(tip.get("height").asLong());
        assertThat(info.get("preferred_chain").get("sha")).isEqualTo(tip.get("sha"));
        assertThat(Hex.decode(info.get("uuid").asText())).hasSize(NodeUuid.LENGTH);
    }

    @Test
    void getpeerinfoUsesOurDisplayNames() {
        Set<String> ecodes =
                Arrays.stream(ErrorCode.values()).map(ErrorCode::cName).collect(Collectors.toSet());
        Set<String> types =
                Arrays.stream(PacketType.values()).map(PacketType::cName).collect(Collectors.toSet());
        JsonNode peers = Vectors.json("json_getpeerinfo.json");
        assertThat(peers.size()).isEqualTo(2);
        for (JsonNode p : peers) {
            assertThat(ecodes).contains(p.get("error").asText());
            assertThat(types)
                    .contains(
                            p.get("last-input-type").asText(),
                            p.get("last-output-type").asText(),
                            p.get("outgoing-type").asText());
            assertThat(Hex.decode(p.get("uuid").asText())).hasSize(NodeUuid.LENGTH);
        }
    }
}
