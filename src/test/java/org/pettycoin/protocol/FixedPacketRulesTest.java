package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.protocol.PacketAssertions.decodes;
import static org.pettycoin.protocol.PacketAssertions.rejects;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The C receiver's rules (peer.c pkt_in and its handlers) for packet types, fixed-size packets and the rest. */
class FixedPacketRulesTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 3, 4, 32, 33, 1000, -1})
    void typesAPeerMayNotSendAreUnknownCommand(int type) {
        rejects(type, new byte[0], ErrorCode.UNKNOWN_COMMAND);
        rejects(type, new byte[40], ErrorCode.UNKNOWN_COMMAND);
    }

    /** Whole packet lengths C requires exactly (sizeof the packet struct). */
    @ParameterizedTest
    @CsvSource({
        "GET_CHILDREN, 40",
        "GET_BLOCK, 40",
        "GET_TX, 40",
        "GET_SHARD, 44",
        "GET_TX_IN_BLOCK, 44",
        "GET_TXMAP, 44",
        "HASHES_IN_BLOCK, 364",
        "SET_FILTER, 24",
        "GET_PEERS, 8"
    })
    void fixedSizePacketsMustBeExact(PacketType type, int len) throws ProtocolException {
        byte[] body = new byte[len - Protocol.PACKET_HEADER_LEN];
        Arrays.fill(body, (byte) 0x5a);
        assertThat(decodes(type, body).type()).isEqualTo(type);
        rejects(type, Arrays.copyOf(body, body.length + 1), ErrorCode.INVALID_LEN);
        if (body.length > 0) {
            rejects(type, Arrays.copyOf(body, body.length - 1), ErrorCode.INVALID_LEN);
        }
    }

    @Test
    void requestsKeepTheirUnusedFields() throws ProtocolException {
        byte[] body = new ByteWriter().bytes(Samples.hash(3)).u16(2).u16(0xbeef).toByteArray();
        assertThat(decodes(PacketType.GET_TXMAP, body)).isEqualTo(new GetTxMapPacket(Samples.hash(3), 2, 0xbeef));
        assertThat(decodes(PacketType.GET_SHARD, body)).isEqualTo(new GetShardPacket(Samples.hash(3), 2, 0xbeef));
        // C never initialises GET_TXMAP's unused field; we write 0.
        assertThat(PacketCodec.encode(new GetTxMapPacket(Samples.hash(3), 2))).endsWith(2, 0, 0, 0);
        byte[] pos =
                new ByteWriter().bytes(Samples.hash(4)).u16(1).u8(5).u8(0x77).toByteArray();
        assertThat(decodes(PacketType.GET_TX_IN_BLOCK, pos))
                .isEqualTo(new GetTxInBlockPacket(new Position(Samples.hash(4), 1, 5, 0x77)));
    }

    @Test
    void setFilterValuesAreTheReceiversToJudge() throws ProtocolException {
        // filter 0 and offset 20 are FILTER_INVALID, but only for a receiver that acts on them.
        byte[] body = new ByteWriter().u64(0).u64(20).toByteArray();
        assertThat(decodes(PacketType.SET_FILTER, body)).isEqualTo(new SetFilterPacket(0, 20));
        assertThat(PacketCodec.encode(SetFilterPacket.SYNCED))
                .isEqualTo(Hex.decode("1800000012000000ffffffffffffffff0000000000000000"));
    }

    @Test
    void peersMustBeWholeAddressesAndMayBeNone() throws ProtocolException {
        assertThat(decodes(PacketType.PEERS, new byte[0])).isEqualTo(new PeersPacket(List.of()));
        assertThat(((PeersPacket) decodes(PacketType.PEERS, new byte[80])).peers())
                .hasSize(2);
        rejects(PacketType.PEERS, new byte[39], ErrorCode.INVALID_LEN);
        rejects(PacketType.PEERS, new byte[41], ErrorCode.INVALID_LEN);
    }

    @Test
    void errOfAnyLengthIsKeptAndItsCodeReadWhenWellFormed() throws ProtocolException {
        ErrPacket known = (ErrPacket) decodes(PacketType.ERR, new byte[] {2, 0, 0, 0});
        assertThat(known).isEqualTo(ErrPacket.of(ErrorCode.INVALID_LEN));
        assertThat(known.error()).hasValue(ErrorCode.INVALID_LEN.code());
        // A code from a newer peer is still a number we can log.
        assertThat(((ErrPacket) decodes(PacketType.ERR, new byte[] {99, 0, 0, 0})).error())
                .hasValue(99);
        assertThat(((ErrPacket) decodes(PacketType.ERR, new byte[] {-1, -1, -1, -1})).error())
                .hasValue(0xffffffffL);
        assertThat(((ErrPacket) decodes(PacketType.ERR, new byte[0])).error()).isEmpty();
        assertThat(((ErrPacket) decodes(PacketType.ERR, new byte[7])).error()).isEmpty();
    }

    @Test
    void piggybackBodyIsKeptOpaque() throws ProtocolException {
        byte[] body = {1, 2, 3, 4, 5};
        assertThat(decodes(PacketType.PIGGYBACK, body)).isEqualTo(new PiggybackPacket(Bytes.of(body)));
        assertThat(decodes(PacketType.PIGGYBACK, new byte[0])).isEqualTo(new PiggybackPacket(Bytes.EMPTY));
    }

    @ParameterizedTest
    @EnumSource(
            value = PacketType.class,
            names = {"NONE", "UNUSED1", "UNUSED2", "MAX"},
            mode = EnumSource.Mode.EXCLUDE)
    void anEmptyBodyIsNeverAnythingButAPacketOrAProtocolException(PacketType type) {
        try {
            assertThat(PacketCodec.decode(type.code(), new byte[0]).type()).isEqualTo(type);
        } catch (ProtocolException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_LEN);
        }
    }
}
