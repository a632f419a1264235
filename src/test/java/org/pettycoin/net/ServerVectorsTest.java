package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.GetBlockPacket;
import org.pettycoin.protocol.GetShardPacket;
import org.pettycoin.protocol.GetTxInBlockPacket;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.Vectors;

/**
 * We answer requests byte for byte as the C node does: a node of ours holding what a C hub sent
 * while a fresh node synced from it replays that node's GET_BLOCK, GET_SHARD and GET_TX_IN_BLOCK
 * requests, and every answer equals the hub's.
 */
class ServerVectorsTest {
    @Test
    void answersTheCapturedRequestsWithTheHubsBytes() throws Exception {
        List<Packet> in = new ArrayList<>();
        List<byte[]> inBytes = new ArrayList<>();
        List<Packet> requests = new ArrayList<>();
        for (JsonNode line : Vectors.jsonl("capture_sync.jsonl")) {
            byte[] frame = Hex.decode(line.get("hex").asText());
            Packet p = PacketCodec.decode(frame);
            if (line.get("dir").asText().equals("IN")) {
                in.add(p);
                inBytes.add(frame);
            } else if (p instanceof GetBlockPacket || p instanceof GetShardPacket || p instanceof GetTxInBlockPacket) {
                requests.add(p);
            }
        }
        long now = in.stream()
                        .filter(p -> p instanceof BlockPacket)
                        .mapToLong(p -> ((BlockPacket) p).block().tailer().timestamp())
                        .max()
                        .orElseThrow()
                + 1;
        ChainState state = new ChainState(Network.TESTNET, ChainState.Config.DEFAULT, () -> now, () -> now * 1000);
        in.stream().filter(p -> p instanceof BlockPacket).forEach(p -> state.receiveBlock(((BlockPacket) p).block()));
        in.stream().filter(p -> p instanceof ShardPacket).forEach(p -> state.receiveShard((ShardPacket) p));
        in.stream()
                .filter(p -> p instanceof TxInBlockPacket)
                .forEach(p -> state.receiveTxInBlock(((TxInBlockPacket) p).proven()));
        Server server = new Server(state, new DescendantsHash());

        int compared = 0;
        for (Packet req : requests) {
            Packet ours;
            int match;
            if (req instanceof GetBlockPacket g) {
                ours = server.block(g.block());
                match = find(
                        in,
                        p -> p instanceof BlockPacket b
                                && BlockIds.id(b.block()).equals(g.block()));
            } else if (req instanceof GetShardPacket g) {
                ours = server.shard(g);
                match = find(
                        in, p -> p instanceof ShardPacket s && s.block().equals(g.block()) && s.shard() == g.shard());
            } else {
                GetTxInBlockPacket g = (GetTxInBlockPacket) req;
                ours = server.txInBlock(g.position());
                match = find(
                        in,
                        p -> p instanceof TxInBlockPacket t
                                && t.proven().proof().position().equals(g.position()));
            }
            if (match >= 0) {
                assertThat(Hex.encode(PacketCodec.encode(ours)))
                        .as("answer to %s", req)
                        .isEqualTo(Hex.encode(inBytes.get(match)));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(300);
    }

    private static int find(List<Packet> in, java.util.function.Predicate<Packet> which) {
        for (int i = 0; i < in.size(); i++) {
            if (which.test(in.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
