package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.protocol.PacketAssertions.decodes;
import static org.pettycoin.protocol.PacketAssertions.rejects;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of C's reply handlers (recv_pkt_block, recv_children, recv_shard…) on the err field and the length. */
class ReplyPacketRulesTest {
    private static final Hash256 ID = Samples.hash(0x11);

    private static ByteWriter body() {
        return new ByteWriter();
    }

    @Test
    void blockWithErrZeroIsAWholeBlockWithTheBlocksOwnEcodes() throws ProtocolException {
        byte[] ok = body().u32(0).bytes(Samples.GENESIS).toByteArray();
        assertThat(decodes(PacketType.BLOCK, ok)).isEqualTo(new BlockPacket(Samples.genesis()));
        byte[] badVersion = ok.clone();
        badVersion[4] = 2;
        rejects(PacketType.BLOCK, badVersion, ErrorCode.BLOCK_HIGH_VERSION);
        rejects(PacketType.BLOCK, Arrays.copyOf(ok, ok.length + 1), ErrorCode.INVALID_LEN);
        rejects(PacketType.BLOCK, body().u32(0).toByteArray(), ErrorCode.INVALID_LEN);
    }

    @Test
    void blockShorterThanItsErrIsInvalidLen() {
        rejects(PacketType.BLOCK, new byte[3], ErrorCode.INVALID_LEN);
        rejects(PacketType.BLOCK, new byte[0], ErrorCode.INVALID_LEN);
    }

    @Test
    void blockWithErrUnknownBlockIsExactlyAnId() throws ProtocolException {
        byte[] ok = body().u32(12).bytes(ID).toByteArray();
        assertThat(decodes(PacketType.BLOCK, ok)).isEqualTo(new BlockUnknownPacket(ID));
        rejects(PacketType.BLOCK, Arrays.copyOf(ok, ok.length - 1), ErrorCode.INVALID_LEN);
        rejects(PacketType.BLOCK, Arrays.copyOf(ok, ok.length + 1), ErrorCode.INVALID_LEN);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 13, 14, 0xffffffffL})
    void blockWithAnyOtherErrIsUnknownErrcodeWhateverItsLength(long err) {
        rejects(PacketType.BLOCK, body().u32(err).bytes(ID).toByteArray(), ErrorCode.UNKNOWN_ERRCODE);
        rejects(PacketType.BLOCK, body().u32(err).toByteArray(), ErrorCode.UNKNOWN_ERRCODE);
    }

    @Test
    void txWithErrZeroMustBeOneTxFillingTheBody() throws ProtocolException {
        byte[] ok = body().u32(0).bytes(Samples.NORMAL).toByteArray();
        assertThat(decodes(PacketType.TX, ok)).isEqualTo(new TxPacket(Samples.tx(Samples.NORMAL)));
        rejects(PacketType.TX, Arrays.copyOf(ok, ok.length + 1), ErrorCode.INVALID_LEN);
        rejects(PacketType.TX, Arrays.copyOf(ok, ok.length - 1), ErrorCode.INVALID_LEN);
        rejects(PacketType.TX, body().u32(0).toByteArray(), ErrorCode.INVALID_LEN);
        byte[] v2 = ok.clone();
        v2[4] = 2;
        rejects(PacketType.TX, v2, ErrorCode.TX_HIGH_VERSION);
        rejects(PacketType.TX, new byte[2], ErrorCode.INVALID_LEN);
    }

    @Test
    void txWithErrUnknownTxIsExactlyAnIdAndNoOtherErrIsAllowed() throws ProtocolException {
        byte[] ok = body().u32(14).bytes(ID).toByteArray();
        assertThat(decodes(PacketType.TX, ok)).isEqualTo(new TxUnknownPacket(ID));
        rejects(PacketType.TX, Arrays.copyOf(ok, ok.length + 1), ErrorCode.INVALID_LEN);
        rejects(PacketType.TX, Arrays.copyOf(ok, ok.length - 1), ErrorCode.INVALID_LEN);
        rejects(PacketType.TX, body().u32(12).bytes(ID).toByteArray(), ErrorCode.UNKNOWN_ERRCODE);
    }

    @Test
    void childrenAreWholeChildblocks() throws ProtocolException {
        ChildBlock child = new ChildBlock(Samples.hash(1), Hash256.ZERO);
        byte[] two = body().bytes(ID)
                .u32(0)
                .bytes(child.block())
                .bytes(child.descendants())
                .bytes(child.block())
                .bytes(child.descendants())
                .toByteArray();
        assertThat(decodes(PacketType.CHILDREN, two)).isEqualTo(new ChildrenPacket(ID, List.of(child, child)));
        assertThat(decodes(PacketType.CHILDREN, body().bytes(ID).u32(0).toByteArray()))
                .isEqualTo(new ChildrenPacket(ID, List.of()));
        rejects(PacketType.CHILDREN, Arrays.copyOf(two, two.length - 1), ErrorCode.INVALID_LEN);
        rejects(PacketType.CHILDREN, Arrays.copyOf(two, two.length + 63), ErrorCode.INVALID_LEN);
        rejects(PacketType.CHILDREN, Arrays.copyOf(two, 35), ErrorCode.INVALID_LEN);
    }

    @Test
    void childrenWithAnErrIsExactly44BeforeItsErrIsJudged() throws ProtocolException {
        byte[] unknown = body().bytes(ID).u32(12).toByteArray();
        assertThat(decodes(PacketType.CHILDREN, unknown)).isEqualTo(new ChildrenUnknownPacket(ID));
        rejects(PacketType.CHILDREN, Arrays.copyOf(unknown, unknown.length + 64), ErrorCode.INVALID_LEN);
        rejects(PacketType.CHILDREN, body().bytes(ID).u32(13).toByteArray(), ErrorCode.UNKNOWN_COMMAND);
        rejects(PacketType.CHILDREN, body().bytes(ID).u32(13).u8(0).toByteArray(), ErrorCode.INVALID_LEN);
    }

    @Test
    void shardWithErrZeroIsWholeTxrefhashes() throws ProtocolException {
        TxRefHash h = new TxRefHash(Samples.hash(1), Samples.hash(2));
        byte[] one = body().bytes(ID)
                .u16(3)
                .u16(0)
                .bytes(h.txid())
                .bytes(h.refhash())
                .toByteArray();
        assertThat(decodes(PacketType.SHARD, one)).isEqualTo(new ShardPacket(ID, 3, List.of(h)));
        rejects(PacketType.SHARD, Arrays.copyOf(one, one.length - 1), ErrorCode.INVALID_LEN);
        rejects(PacketType.SHARD, Arrays.copyOf(one, 35), ErrorCode.INVALID_LEN);
        // Whether the count matches the block's num_txs (and is not 0) needs the block: kept for the receiver.
        assertThat(decodes(PacketType.SHARD, Arrays.copyOf(one, 36))).isEqualTo(new ShardPacket(ID, 3, List.of()));
    }

    @Test
    void shardWithAnErrIsExactly44AndKeepsTheErr() throws ProtocolException {
        byte[] unknownShard = body().bytes(ID).u16(1).u16(13).toByteArray();
        assertThat(decodes(PacketType.SHARD, unknownShard))
                .isEqualTo(new ShardErrorPacket(ID, 1, ErrorCode.UNKNOWN_SHARD));
        assertThat(decodes(PacketType.SHARD, body().bytes(ID).u16(1).u16(0xffff).toByteArray()))
                .isEqualTo(new ShardErrorPacket(ID, 1, 0xffff));
        rejects(PacketType.SHARD, Arrays.copyOf(unknownShard, 44 + 64 - 8), ErrorCode.INVALID_LEN);
    }

    @Test
    void txInBlockWithErrZeroNeedsProofTxAndRefsEndingExactly() throws ProtocolException {
        TxWithProof proven = Samples.provenNormal(ID);
        ByteWriter w = body().u32(0);
        StructCodec.encodeTxWithProof(proven, w);
        byte[] ok = w.toByteArray();
        assertThat(decodes(PacketType.TX_IN_BLOCK, ok)).isEqualTo(new TxInBlockPacket(proven));
        rejects(PacketType.TX_IN_BLOCK, Arrays.copyOf(ok, ok.length + 1), ErrorCode.INVALID_LEN);
        rejects(PacketType.TX_IN_BLOCK, Arrays.copyOf(ok, ok.length - 1), ErrorCode.INVALID_LEN);
        rejects(PacketType.TX_IN_BLOCK, Arrays.copyOf(ok, ok.length + 8), ErrorCode.INVALID_LEN);
        rejects(PacketType.TX_IN_BLOCK, Arrays.copyOf(ok, 4 + Proof.LENGTH - 1), ErrorCode.INVALID_LEN);
        byte[] badTx = ok.clone();
        badTx[4 + Proof.LENGTH + 1] = 0x05;
        rejects(PacketType.TX_IN_BLOCK, badTx, ErrorCode.TX_TYPE_UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 14})
    void txInBlockWithUnknownBlockOrTxIsExactlyAPosition(int err) throws ProtocolException {
        Position pos = new Position(ID, 2, 9);
        ByteWriter w = body().u32(err);
        StructCodec.encodePosition(pos, w);
        byte[] ok = w.toByteArray();
        assertThat(decodes(PacketType.TX_IN_BLOCK, ok))
                .isEqualTo(new TxInBlockUnknownPacket(ErrorCode.fromCode(err).orElseThrow(), pos));
        rejects(PacketType.TX_IN_BLOCK, Arrays.copyOf(ok, ok.length + 1), ErrorCode.INVALID_LEN);
        rejects(PacketType.TX_IN_BLOCK, Arrays.copyOf(ok, ok.length - 1), ErrorCode.INVALID_LEN);
    }

    @Test
    void txInBlockWithAnotherErrIsUnknownErrcodeOnceItsLengthIsRight() {
        byte[] ok = body().u32(13).bytes(new byte[Position.LENGTH]).toByteArray();
        rejects(PacketType.TX_IN_BLOCK, ok, ErrorCode.UNKNOWN_ERRCODE);
        rejects(PacketType.TX_IN_BLOCK, Arrays.copyOf(ok, ok.length + 1), ErrorCode.INVALID_LEN);
    }

    @Test
    void txmapKeepsErrAndWhateverBitmapFollows() throws ProtocolException {
        // C leaves err uninitialised on success; the bitmap's length needs the block.
        byte[] b = body().bytes(ID)
                .u16(0)
                .u16(0xa5a5)
                .u8(0b101)
                .u8(0)
                .u8(0)
                .u8(0x80)
                .toByteArray();
        TxMapPacket map = (TxMapPacket) decodes(PacketType.TXMAP, b);
        assertThat(map.err()).isEqualTo(0xa5a5);
        assertThat(map.marks(0)).isTrue();
        assertThat(map.marks(1)).isFalse();
        assertThat(map.marks(2)).isTrue();
        assertThat(map.marks(31)).isTrue();
        assertThat(map.marks(32)).isFalse();
        assertThat(decodes(PacketType.TXMAP, Arrays.copyOf(b, 36))).isInstanceOf(TxMapPacket.class);
        rejects(PacketType.TXMAP, Arrays.copyOf(b, 35), ErrorCode.INVALID_LEN);
    }
}
