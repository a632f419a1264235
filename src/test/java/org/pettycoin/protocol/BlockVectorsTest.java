package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Blocks as the C node marshals them: the genesis packet, run A's main chain and its blockfile. */
class BlockVectorsTest {
    @Test
    void genesisBlockPacketRoundTrips() throws ProtocolException {
        byte[] frame = Vectors.bytes("genesis_pkt_block.bin");
        Packet p = PacketCodec.decode(frame);
        assertThat(p).isInstanceOf(BlockPacket.class);
        Block genesis = ((BlockPacket) p).block();
        assertThat(genesis.height()).isZero();
        assertThat(genesis.numShards()).isEqualTo(4);
        assertThat(genesis.tailer().difficulty()).isEqualTo(0x1d3bffc4L);
        assertThat(Hex.encode(BlockCodec.encode(genesis)))
                .isEqualTo(Vectors.lines("genesis_block.hex").get(0).strip());
        assertThat(PacketCodec.encode(p)).isEqualTo(frame).hasSize(840);
    }

    @Test
    void everyMainChainBlockRoundTrips() throws ProtocolException {
        List<JsonNode> chain = Vectors.jsonl("blocks_A_mainchain.jsonl");
        assertThat(chain).hasSize(112);
        for (JsonNode n : chain) {
            byte[] frame = Hex.decode(n.get("pkt_hex").asText());
            byte[] marshalled = Hex.decode(n.get("marshalled_block_hex").asText());
            Block b = ((BlockPacket) PacketCodec.decode(frame)).block();
            assertThat(b.height()).isEqualTo(n.get("height").asLong());
            assertThat(b.header().numPrevTxhashes())
                    .isEqualTo(n.get("num_prev_txhashes").asLong());
            assertThat(b.header().parent().hex()).isEqualTo(n.get("prev").asText());
            assertThat(b.tailer().timestamp()).isEqualTo(n.get("timestamp").asLong());
            assertThat(b).isEqualTo(BlockCodec.decode(marshalled));
            assertThat(BlockCodec.encode(b)).isEqualTo(marshalled);
            assertThat(PacketCodec.encode(new BlockPacket(b)))
                    .isEqualTo(frame)
                    .hasSize(n.get("pkt_len").asInt());
        }
    }

    @Test
    void everyBlockfileRecordIsAPacketThatRoundTrips() throws IOException, ProtocolException {
        byte[] file = Vectors.bytes("blockfile_A.bin");
        JsonNode expected = Vectors.json("blockfile_A_records.json");
        List<byte[]> frames = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(file)) {
            for (Optional<byte[]> f = Framing.readFrame(in); f.isPresent(); f = Framing.readFrame(in)) {
                frames.add(f.get());
            }
        }
        assertThat(frames).hasSize(expected.size()).hasSize(194);
        int offset = 0;
        for (int i = 0; i < frames.size(); i++) {
            byte[] frame = frames.get(i);
            JsonNode rec = expected.get(i);
            assertThat(offset).isEqualTo(rec.get("off").asInt());
            assertThat(frame).hasSize(rec.get("len").asInt());
            Packet p = PacketCodec.decode(frame);
            assertThat(p.type().name()).isEqualTo(rec.get("kind").asText());
            if (p instanceof BlockPacket bp) {
                Block b = bp.block();
                assertThat(b.height()).isEqualTo(rec.get("height").asLong());
                assertThat(b.header().nonce2().hex())
                        .isEqualTo(rec.get("nonce2").asText());
                assertThat(b.header().feesTo().hex())
                        .isEqualTo(rec.get("fees_to").asText());
                assertThat(b.tailer().nonce1()).isEqualTo(rec.get("nonce1").asLong());
                assertThat(b.totalTxs()).isEqualTo(sum(rec.get("num_txs")));
            } else {
                TxWithProof t = ((TxInBlockPacket) p).proven();
                assertThat(t.proof().position().block().hex())
                        .isEqualTo(rec.get("block").asText());
                assertThat(t.proof().position().shard())
                        .isEqualTo(rec.get("shard").asInt());
                assertThat(t.proof().position().txoff())
                        .isEqualTo(rec.get("txoff").asInt());
                assertThat(Hex.encode(TxCodec.encode(t.tx())))
                        .isEqualTo(rec.get("tx").asText());
            }
            assertThat(PacketCodec.encode(p)).isEqualTo(frame);
            offset += frame.length;
        }
        assertThat(offset).isEqualTo(file.length);
        assertThat(frames.stream().filter(f -> ByteReader.le32(f, 4) == PacketType.TX_IN_BLOCK.code()))
                .hasSize(4);
    }

    private static int sum(JsonNode numbers) {
        int total = 0;
        for (JsonNode n : numbers) {
            total += n.asInt();
        }
        return total;
    }
}
