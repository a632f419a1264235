package org.pettycoin.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.Vectors;
import org.pettycoin.protocol.WelcomePacket;

/** The shards a node holds, and how WELCOME carries them (C's state.c, peer_wants.c, block_shard.c). */
class InterestsTest {
    @Test
    void shardsZeroAndOneSetExactlyTheFirstHalfOfTheSixteenBitShardsLsbFirst() {
        Bytes bitmap = Interests.of(0, 1).welcomeBitmap();
        assertThat(bitmap.size()).isEqualTo(WelcomePacket.INTERESTS_LENGTH);
        for (int i = 0; i < Protocol.INTEREST_BITS; i++) {
            // bit i of byte i / 8, least significant first: how peer_wants.c reads it
            boolean set = (bitmap.getUnsigned(i / 8) & 1 << (i % 8)) != 0;
            assertThat(set).as("16-bit shard %d", i).isEqualTo(i < 32768);
        }
        WelcomePacket w = welcomeWith(bitmap);
        assertThat(w.wantsShard(0)).isTrue();
        assertThat(w.wantsShard(32767)).isTrue();
        assertThat(w.wantsShard(32768)).isFalse();
        assertThat(w.interestCount()).isEqualTo(32768);
        assertThat(Interests.ofWelcome(bitmap)).isEqualTo(Interests.of(0, 1));
    }

    @Test
    void everyShardIsTheAllOnesBitmapSentToday() {
        assertThat(Interests.ALL.welcomeBitmap().toByteArray())
                .isEqualTo(WelcomePacket.ALL_INTERESTS.toByteArray())
                .containsOnly((byte) 0xff);
        assertThat(Interests.parse("3,2,1,0")).isEqualTo(Interests.ALL);
        assertThat(Interests.ALL.holdsAll()).isTrue();
        assertThat(Interests.of(1, 3).welcomeBitmap()).isNotEqualTo(Interests.ALL.welcomeBitmap());
    }

    @Test
    void aCapturedCWelcomeReadsAsEveryShard() {
        int seen = 0;
        for (JsonNode n : Vectors.jsonl("capture_handshake_genesis.jsonl")) {
            if (!n.get("type_name").asText().equals("WELCOME")) {
                continue;
            }
            WelcomePacket w = (WelcomePacket) decode(n.get("hex").asText());
            assertThat(Interests.ofWelcome(w.interests())).isEqualTo(Interests.ALL);
            for (int i = 0; i < Protocol.INTEREST_BITS; i += 1021) {
                assertThat(w.wantsShard(i)).isTrue();
            }
            seen++;
        }
        assertThat(seen).isEqualTo(2);
    }

    @Test
    void aShardOfAHigherOrderBelongsToItsOrderTwoShard() {
        Interests i = Interests.of(2);
        assertThat(i.holdsBlockShard(2, 2)).isTrue();
        assertThat(i.holdsBlockShard(1, 2)).isFalse();
        assertThat(i.holdsBlockShard(8, 4)).isTrue(); // 8 >> 2 == 2
        assertThat(i.holdsBlockShard(11, 4)).isTrue();
        assertThat(i.holdsBlockShard(12, 4)).isFalse();
        assertThat(i.holds16(0x8000)).isTrue();
        assertThat(i.holds16(0xbfff)).isTrue();
        assertThat(i.holds16(0xc000)).isFalse();
        assertThat(i.toString()).isEqualTo("2");
        assertThat(Interests.parse(" 0, 1 ").shards()).containsExactly(0, 1);
    }

    @Test
    void badListsSayWhatIsWrong() {
        assertThatThrownBy(() -> Interests.parse("4")).hasMessage("shard 4 is not one of 0..3");
        assertThatThrownBy(() -> Interests.parse("0,0")).hasMessage("shard 0 is named twice");
        assertThatThrownBy(() -> Interests.parse("")).hasMessageContaining("is not a list of shards");
        assertThatThrownBy(() -> Interests.parse("0,,1")).hasMessageContaining("is not a list of shards");
        assertThatThrownBy(() -> Interests.parse("x")).hasMessageContaining("is not a list of shards");
        assertThatThrownBy(() -> Interests.parse("-1")).hasMessageContaining("is not a list of shards");
    }

    private static WelcomePacket welcomeWith(Bytes interests) {
        JsonNode first = Vectors.jsonl("capture_handshake_genesis.jsonl").get(0);
        WelcomePacket c = (WelcomePacket) decode(first.get("hex").asText());
        return new WelcomePacket(c.version(), c.moniker(), c.listenPort(), c.uuid(), c.you(), interests, c.bestBlock());
    }

    private static org.pettycoin.protocol.Packet decode(String hex) {
        try {
            return PacketCodec.decode(Hex.decode(hex));
        } catch (org.pettycoin.protocol.ProtocolException e) {
            throw new AssertionError(e);
        }
    }
}
