package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.net.ComplaintRig.ALICE;
import static org.pettycoin.net.ComplaintRig.BOB;
import static org.pettycoin.net.ComplaintRig.WAIT;
import static org.pettycoin.net.ComplaintRig.fB;
import static org.pettycoin.net.ComplaintRig.invalid;
import static org.pettycoin.net.ComplaintRig.out;
import static org.pettycoin.net.ComplaintRig.sendBlockWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.http.HttpEndpoint;
import org.pettycoin.http.NodeHttp;
import org.pettycoin.http.WebClient;
import org.pettycoin.mining.MinedBlock;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.Tx;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestTxs;

/**
 * A block proven bad over the wire is on the dashboard's tree as invalid with the complaint that
 * did it, and so is the child built on it, which inherits the complaint; the main chain stays main.
 * (Here rather than in {@code http} for the rig that builds broken blocks.)
 */
@Timeout(90)
class ComplaintOnDashboardTest {
    @TempDir
    Path dir;

    @Test
    void anInvalidBlockAndItsChildAreDrawnWithTheirComplaint() throws Exception {
        try (ComplaintRig r = new ComplaintRig(dir, false);
                HostileClient h = ComplaintRig.ours(r.a);
                HttpEndpoint web = NodeHttp.start(r.a, WebClient.loopback())) {
            r.sendCommonChain(h);
            Tx steal = TestTxs.pay(ALICE, BOB, 700, 0, out(fB, 0));
            MinedBlock m3 = r.build(r.b2, r.withRefs(r.b2, steal));
            MinedBlock m4 = r.build(r.node(m3));
            sendBlockWith(h, m3, steal);
            ComplaintPacket complaint = h.next(ComplaintPacket.class, 10_000).orElseThrow();
            h.sendBytes(PacketCodec.encode(new BlockPacket(m4.block())));
            Await.until("A holds b4, invalid", WAIT, () -> invalid(r.a, m4));

            HttpResponse<String> reply = new WebClient(web).get("/api/dashboard");
            assertThat(reply.statusCode()).isEqualTo(200);
            Map<String, JsonNode> blocks = new HashMap<>();
            new ObjectMapper()
                    .readTree(reply.body())
                    .get("tree")
                    .get("blocks")
                    .forEach(b -> blocks.put(b.get("id").asText(), b));
            for (MinedBlock bad : new MinedBlock[] {m3, m4}) {
                JsonNode b = blocks.get(bad.id().hex());
                assertThat(b.get("state").asText()).isEqualTo("invalid");
                assertThat(b.get("complaint").asText())
                        .isEqualTo(complaint.type().name());
            }
            JsonNode b2 = blocks.get(r.b2.id().hex());
            assertThat(b2.get("state").asText()).isEqualTo("main");
            assertThat(b2.has("complaint")).isFalse();
        }
    }
}
