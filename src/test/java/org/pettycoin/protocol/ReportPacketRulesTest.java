package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pettycoin.protocol.PacketAssertions.decodes;
import static org.pettycoin.protocol.PacketAssertions.rejects;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Receiver rules for the reports about pending txs (21–23) and the complaints (24–30): every part
 * present, nothing after the last (C's handlers in peer.c and recv_complain.c), txs with unmarshal_tx's ecodes.
 */
class ReportPacketRulesTest {
    private static final Tx NORMAL = Samples.tx(Samples.NORMAL);
    private static final Tx FROM_GATEWAY = Samples.tx(Samples.FROM_GATEWAY);
    private static final TxWithProof PROVEN = Samples.provenNormal(Samples.hash(0x22));
    private static final TxWithProof PROVEN_GATEWAY =
            new TxWithProof(Samples.proof(Samples.hash(0x33), 1, 0), FROM_GATEWAY, List.of());

    /** Body of {@code p}, checked to decode back to {@code p}; then cut and extended versions must fail. */
    private static byte[] assertExactConsumption(Packet p) throws ProtocolException {
        byte[] frame = PacketCodec.encode(p);
        byte[] body = Arrays.copyOfRange(frame, Protocol.PACKET_HEADER_LEN, frame.length);
        assertThat(decodes(p.type(), body)).isEqualTo(p);
        rejects(p.type(), Arrays.copyOf(body, body.length + 1), ErrorCode.INVALID_LEN);
        rejects(p.type(), Arrays.copyOf(body, body.length - 1), ErrorCode.INVALID_LEN);
        return body;
    }

    @Test
    void txBadInputIsInputnumThenTwoTxs() throws ProtocolException {
        byte[] body = assertExactConsumption(new TxBadInputPacket(0, NORMAL, FROM_GATEWAY));
        byte[] badSecond = body.clone();
        badSecond[4 + Samples.NORMAL.length] = 0;
        rejects(PacketType.TX_BAD_INPUT, badSecond, ErrorCode.TX_HIGH_VERSION);
        rejects(PacketType.TX_BAD_INPUT, new byte[3], ErrorCode.INVALID_LEN);
    }

    @Test
    void txBadAmountIsATxThenOneTxPerInput() throws ProtocolException {
        assertExactConsumption(new TxBadAmountPacket(NORMAL, List.of(FROM_GATEWAY)));
        // No inputs, no input txs: C refuses it (BAD_INPUTNUM), but that is about meaning, not bytes.
        assertExactConsumption(new TxBadAmountPacket(FROM_GATEWAY, List.of()));
        assertThatThrownBy(() -> new TxBadAmountPacket(NORMAL, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void txDoublespendIsTwoInputnumsThenTwoTxs() throws ProtocolException {
        assertExactConsumption(new TxDoublespendPacket(0, 0xffffffffL, NORMAL, NORMAL));
    }

    @Test
    void complaintsWithTwoProvenTxs() throws ProtocolException {
        assertExactConsumption(new ComplainTxMisorderPacket(PROVEN, PROVEN_GATEWAY));
        assertExactConsumption(new ComplainDoublespendPacket(0, 0, PROVEN, PROVEN));
        assertExactConsumption(new ComplainBadInputRefPacket(0, PROVEN, PROVEN_GATEWAY));
        assertExactConsumption(new ComplainClaimInputInvalidPacket(
                new TxWithProof(Samples.proof(Samples.hash(1), 0, 3), Samples.claim(), List.of(new InputRef(2, 0, 1))),
                PROVEN_GATEWAY));
    }

    @Test
    void complaintsWithAProvenTxAndPlainInputs() throws ProtocolException {
        assertExactConsumption(new ComplainTxBadInputPacket(0, PROVEN, FROM_GATEWAY));
        assertExactConsumption(new ComplainTxBadAmountPacket(PROVEN, List.of(FROM_GATEWAY)));
    }

    @Test
    void provenTxIsProofThenTxThenItsRefs() throws ProtocolException {
        byte[] body = assertExactConsumption(new ComplainTxMisorderPacket(PROVEN, PROVEN));
        // The tx starts after the 292-byte proof (the C receiver wrongly starts it at the proof).
        assertThat(Arrays.copyOfRange(body, Proof.LENGTH, Proof.LENGTH + Samples.NORMAL.length))
                .isEqualTo(Samples.NORMAL);
        rejects(PacketType.COMPLAIN_TX_MISORDER, Arrays.copyOf(body, Proof.LENGTH - 1), ErrorCode.INVALID_LEN);
    }

    @Test
    void complainTxInvalidCarriesTxAndRefsAsBlobsOfTheStatedLength() throws ProtocolException {
        Proof proof = Samples.proof(Samples.hash(0x44), 2, 1);
        // An unparseable tx (version 0) with a refs blob that is not a whole number of refs.
        ComplainTxInvalidPacket p = new ComplainTxInvalidPacket(
                ErrorCode.TX_HIGH_VERSION.code(), proof, Bytes.fromHex("0001020304"), Bytes.fromHex("090909"));
        byte[] frame = PacketCodec.encode(p);
        assertThat(ByteReader.le32(frame, 12)).as("txlen").isEqualTo(5);
        byte[] body = Arrays.copyOfRange(frame, Protocol.PACKET_HEADER_LEN, frame.length);
        assertThat(decodes(PacketType.COMPLAIN_TX_INVALID, body)).isEqualTo(p);
        int blobsAt = 8 + Proof.LENGTH;
        assertThat(decodes(PacketType.COMPLAIN_TX_INVALID, Arrays.copyOf(body, blobsAt + 5)))
                .isEqualTo(new ComplainTxInvalidPacket(p.error(), proof, p.tx(), Bytes.EMPTY));
        rejects(PacketType.COMPLAIN_TX_INVALID, Arrays.copyOf(body, blobsAt + 4), ErrorCode.INVALID_LEN);
        rejects(PacketType.COMPLAIN_TX_INVALID, Arrays.copyOf(body, blobsAt - 1), ErrorCode.INVALID_LEN);
        rejects(PacketType.COMPLAIN_TX_INVALID, new byte[7], ErrorCode.INVALID_LEN);
        byte[] hugeTxlen = body.clone();
        Arrays.fill(hugeTxlen, 4, 8, (byte) 0xff);
        rejects(PacketType.COMPLAIN_TX_INVALID, hugeTxlen, ErrorCode.INVALID_LEN);
    }

    @Test
    void complaintsShareTheComplaintType() {
        assertThat(new ComplainTxMisorderPacket(PROVEN, PROVEN)).isInstanceOf(ComplaintPacket.class);
        assertThat(Packet.class.getPermittedSubclasses()).contains(ComplaintPacket.class);
        assertThat(ComplaintPacket.class.getPermittedSubclasses()).hasSize(7);
    }
}
