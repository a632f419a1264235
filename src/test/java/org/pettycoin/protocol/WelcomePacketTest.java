package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.protocol.PacketAssertions.decodes;
import static org.pettycoin.protocol.PacketAssertions.rejects;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The welcome packet (C's protocol_net.h, welcome.c): its length rule, the trailing block, and its field helpers. */
class WelcomePacketTest {
    private static final NetAddress YOU =
            new NetAddress(0, Bytes.fromHex("00000000000000000000ffff7f000001"), 19401, 0, NodeUuid.ZERO);

    private static WelcomePacket welcome(long version, Bytes interests, Optional<Block> best) {
        return new WelcomePacket(
                version,
                WelcomePacket.moniker("ICBINB! java"),
                19402,
                NodeUuid.of(Arrays.copyOf(Samples.hash(5).toByteArray(), NodeUuid.LENGTH)),
                YOU,
                interests,
                best);
    }

    private static byte[] body(WelcomePacket w) {
        byte[] frame = PacketCodec.encode(w);
        return Arrays.copyOfRange(frame, Protocol.PACKET_HEADER_LEN, frame.length);
    }

    @Test
    void fixedPartIs8296BytesAndShorterIsInvalidLen() throws ProtocolException {
        byte[] body = body(welcome(1, WelcomePacket.ALL_INTERESTS, Optional.empty()));
        assertThat(body).hasSize(WelcomePacket.FIXED_LENGTH - Protocol.PACKET_HEADER_LEN);
        assertThat(decodes(PacketType.WELCOME, body))
                .isEqualTo(welcome(1, WelcomePacket.ALL_INTERESTS, Optional.empty()));
        rejects(PacketType.WELCOME, Arrays.copyOf(body, body.length - 1), ErrorCode.INVALID_LEN);
        rejects(PacketType.WELCOME, new byte[0], ErrorCode.INVALID_LEN);
    }

    @Test
    void bestBlockFollowsTheFixedPart() throws ProtocolException {
        WelcomePacket w = welcome(1, WelcomePacket.ALL_INTERESTS, Optional.of(Samples.genesis()));
        byte[] body = body(w);
        assertThat(body).hasSize(WelcomePacket.FIXED_LENGTH - Protocol.PACKET_HEADER_LEN + Samples.GENESIS.length);
        assertThat(decodes(PacketType.WELCOME, body)).isEqualTo(w);
    }

    @Test
    void trailingBlockThatFailsToUnmarshalIsRejectedWithTheBlocksEcode() {
        int blockAt = WelcomePacket.FIXED_LENGTH - Protocol.PACKET_HEADER_LEN;
        byte[] body = body(welcome(1, WelcomePacket.ALL_INTERESTS, Optional.of(Samples.genesis())));
        byte[] badVersion = body.clone();
        badVersion[blockAt] = 2;
        rejects(PacketType.WELCOME, badVersion, ErrorCode.BLOCK_HIGH_VERSION);
        byte[] badOrder = body.clone();
        badOrder[blockAt + 2] = 17;
        rejects(PacketType.WELCOME, badOrder, ErrorCode.BAD_SHARD_ORDER);
        rejects(PacketType.WELCOME, Arrays.copyOf(body, body.length - 1), ErrorCode.INVALID_LEN);
        rejects(PacketType.WELCOME, Arrays.copyOf(body, blockAt + 10), ErrorCode.INVALID_LEN);
    }

    @Test
    void versionAndInterestsAreKeptForTheHandshakeToJudge() throws ProtocolException {
        WelcomePacket odd = welcome(2, Bytes.of(new byte[WelcomePacket.INTERESTS_LENGTH]), Optional.empty());
        WelcomePacket back = (WelcomePacket) decodes(PacketType.WELCOME, body(odd));
        assertThat(back.version()).isEqualTo(2);
        assertThat(back.interestCount()).isZero();
    }

    @Test
    void interestsAreReadLsbFirstLikePeerWantsC() {
        byte[] bits = new byte[WelcomePacket.INTERESTS_LENGTH];
        bits[0] = 0b0000_0010;
        bits[8191] = (byte) 0x80;
        WelcomePacket w = welcome(1, Bytes.of(bits), Optional.empty());
        assertThat(w.wantsShard(1)).isTrue();
        assertThat(w.wantsShard(0)).isFalse();
        assertThat(w.wantsShard(7)).isFalse();
        assertThat(w.wantsShard(65535)).isTrue();
        assertThat(w.interestCount()).isEqualTo(2);
    }

    @Test
    void monikerIsCutOrZeroPaddedTo34Bytes() {
        assertThat(WelcomePacket.moniker("ab").toByteArray()).hasSize(34).startsWith('a', 'b', 0);
        Bytes full = WelcomePacket.moniker("x".repeat(40));
        assertThat(full.size()).isEqualTo(34);
        WelcomePacket w =
                new WelcomePacket(1, full, 0, NodeUuid.ZERO, YOU, WelcomePacket.ALL_INTERESTS, Optional.empty());
        assertThat(w.monikerText()).isEqualTo("x".repeat(34));
    }

    @Test
    void aMonikerIsLoggedWithItsControlCharactersEscaped() {
        WelcomePacket w = new WelcomePacket(
                1,
                WelcomePacket.moniker("evil\n12:00 INFO forged\u001b[2J\u2028ok"),
                0,
                NodeUuid.ZERO,
                YOU,
                WelcomePacket.ALL_INTERESTS,
                Optional.empty());
        assertThat(w.monikerPrintable()).isEqualTo("evil\\u000a12:00 INFO forged\\u001b[2J\\u2028ok");
        assertThat(w.monikerPrintable()).doesNotContain("\n", "\u001b");
        assertThat(welcome(1, WelcomePacket.ALL_INTERESTS, Optional.empty()).monikerPrintable())
                .isEqualTo("ICBINB! java");
    }
}
