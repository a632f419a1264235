package org.pettycoin.protocol;

/**
 * Bodies of the complaint packets (24–30): txs in blocks, each as proof ‖ tx ‖ refs, plus plain input
 * txs. This is the layout the C sender writes and its header documents; the C receiver misreads it
 * (it parses the tx from the proof's first byte, docs/c-differences.md #20) and so rejects every such
 * complaint but COMPLAIN_TX_INVALID. Whether a complaint proves anything is for {@code consensus}.
 */
final class ComplaintPackets {
    private ComplaintPackets() {}

    static void addWriters(BodyWriters writers) {
        writers.add(ComplainTxMisorderPacket.class, (p, w) -> {
                    StructCodec.encodeTxWithProof(p.tx1(), w);
                    StructCodec.encodeTxWithProof(p.tx2(), w);
                })
                .add(ComplainTxInvalidPacket.class, (p, w) -> {
                    w.u32(p.error()).u32(p.tx().size());
                    StructCodec.encodeProof(p.proof(), w);
                    w.bytes(p.tx()).bytes(p.refs());
                })
                .add(ComplainTxBadInputPacket.class, (p, w) -> {
                    w.u32(p.inputNum());
                    StructCodec.encodeTxWithProof(p.proven(), w);
                    TxCodec.encode(p.input(), w);
                })
                .add(ComplainDoublespendPacket.class, (p, w) -> {
                    w.u32(p.input1()).u32(p.input2());
                    StructCodec.encodeTxWithProof(p.tx1(), w);
                    StructCodec.encodeTxWithProof(p.tx2(), w);
                })
                .add(ComplainBadInputRefPacket.class, (p, w) -> {
                    w.u32(p.inputNum());
                    StructCodec.encodeTxWithProof(p.proven(), w);
                    StructCodec.encodeTxWithProof(p.input(), w);
                })
                .add(ComplainTxBadAmountPacket.class, (p, w) -> {
                    StructCodec.encodeTxWithProof(p.proven(), w);
                    p.inputs().forEach(in -> TxCodec.encode(in, w));
                })
                .add(ComplainClaimInputInvalidPacket.class, (p, w) -> {
                    StructCodec.encodeTxWithProof(p.claim(), w);
                    StructCodec.encodeTxWithProof(p.reward(), w);
                });
    }

    static ComplainTxMisorderPacket txMisorder(ByteReader body) throws ProtocolException {
        return new ComplainTxMisorderPacket(StructCodec.decodeTxWithProof(body), StructCodec.decodeTxWithProof(body));
    }

    /**
     * error, txlen, proof, then txlen bytes of tx and the rest as refs, both opaque: the tx may not
     * parse. Short of the proof or of txlen bytes is INVALID_LEN. (Once C has found the tx bad it
     * also wants nothing after the tx: recv_complain.c never subtracts the refs, so it takes only an
     * empty refs blob. That is for whoever judges complaints; the blob is kept either way.)
     */
    static ComplainTxInvalidPacket txInvalid(ByteReader body) throws ProtocolException {
        long error = body.u32();
        long txlen = body.u32();
        Proof proof = StructCodec.decodeProof(body);
        Bytes tx = body.byteString(txlen);
        return new ComplainTxInvalidPacket(error, proof, tx, body.byteString(body.remaining()));
    }

    static ComplainTxBadInputPacket txBadInput(ByteReader body) throws ProtocolException {
        return new ComplainTxBadInputPacket(body.u32(), StructCodec.decodeTxWithProof(body), TxCodec.decode(body));
    }

    static ComplainDoublespendPacket doublespend(ByteReader body) throws ProtocolException {
        return new ComplainDoublespendPacket(
                body.u32(), body.u32(), StructCodec.decodeTxWithProof(body), StructCodec.decodeTxWithProof(body));
    }

    static ComplainBadInputRefPacket badInputRef(ByteReader body) throws ProtocolException {
        return new ComplainBadInputRefPacket(
                body.u32(), StructCodec.decodeTxWithProof(body), StructCodec.decodeTxWithProof(body));
    }

    /** The proven tx, then as many plain txs as it has inputs. */
    static ComplainTxBadAmountPacket txBadAmount(ByteReader body) throws ProtocolException {
        TxWithProof proven = StructCodec.decodeTxWithProof(body);
        return new ComplainTxBadAmountPacket(proven, TxPackets.inputTxs(body, proven.tx()));
    }

    static ComplainClaimInputInvalidPacket claimInputInvalid(ByteReader body) throws ProtocolException {
        return new ComplainClaimInputInvalidPacket(
                StructCodec.decodeTxWithProof(body), StructCodec.decodeTxWithProof(body));
    }
}
