package org.pettycoin.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Bodies of the packets that carry or ask for transactions: GET_TX / TX, HASHES_IN_BLOCK,
 * GET_TX_IN_BLOCK / TX_IN_BLOCK, and the reports about pending txs TX_BAD_INPUT, TX_BAD_AMOUNT and
 * TX_DOUBLESPEND. Txs are unmarshalled with {@code unmarshal_tx}'s ecodes; {@code check_tx} is the
 * receiver's.
 */
final class TxPackets {
    private TxPackets() {}

    static void addWriters(BodyWriters writers) {
        writers.add(GetTxPacket.class, (p, w) -> w.bytes(p.txid()))
                .add(TxPacket.class, (p, w) -> {
                    w.u32(ErrorCode.NONE.code());
                    TxCodec.encode(p.tx(), w);
                })
                .add(
                        TxUnknownPacket.class,
                        (p, w) -> w.u32(ErrorCode.UNKNOWN_TX.code()).bytes(p.txid()))
                .add(HashesInBlockPacket.class, (p, w) -> {
                    StructCodec.encodeProof(p.proof(), w);
                    StructCodec.encodeTxRefHash(p.hashes(), w);
                })
                .add(GetTxInBlockPacket.class, (p, w) -> StructCodec.encodePosition(p.position(), w))
                .add(TxInBlockPacket.class, (p, w) -> {
                    w.u32(ErrorCode.NONE.code());
                    StructCodec.encodeTxWithProof(p.proven(), w);
                })
                .add(TxInBlockUnknownPacket.class, (p, w) -> {
                    w.u32(p.reason().code());
                    StructCodec.encodePosition(p.position(), w);
                })
                .add(TxBadInputPacket.class, (p, w) -> {
                    w.u32(p.inputNum());
                    TxCodec.encode(p.tx(), w);
                    TxCodec.encode(p.input(), w);
                })
                .add(TxBadAmountPacket.class, (p, w) -> {
                    TxCodec.encode(p.tx(), w);
                    p.inputs().forEach(in -> TxCodec.encode(in, w));
                })
                .add(TxDoublespendPacket.class, (p, w) -> {
                    w.u32(p.input1()).u32(p.input2());
                    TxCodec.encode(p.tx1(), w);
                    TxCodec.encode(p.tx2(), w);
                });
    }

    /** err 0: one tx filling the rest. err 14: an id. Else UNKNOWN_ERRCODE. */
    static Packet tx(ByteReader body) throws ProtocolException {
        long err = body.u32();
        if (err == ErrorCode.NONE.code()) {
            return new TxPacket(TxCodec.decode(body));
        }
        if (err != ErrorCode.UNKNOWN_TX.code()) {
            throw new ProtocolException(ErrorCode.UNKNOWN_ERRCODE, "TX with err " + err);
        }
        return new TxUnknownPacket(body.hash());
    }

    /**
     * err 0: proof, tx, and refs that end exactly at the end. Any other err: exactly a position
     * (INVALID_LEN), and only then must it be UNKNOWN_BLOCK or UNKNOWN_TX (else UNKNOWN_ERRCODE).
     * C checks both before looking anything up, so these are codec rules.
     */
    static Packet txInBlock(ByteReader body) throws ProtocolException {
        long err = body.u32();
        if (err == ErrorCode.NONE.code()) {
            return new TxInBlockPacket(StructCodec.decodeTxWithProof(body));
        }
        Position position = StructCodec.decodePosition(body);
        body.expectEnd("TX_IN_BLOCK with err " + err);
        if (err != ErrorCode.UNKNOWN_BLOCK.code() && err != ErrorCode.UNKNOWN_TX.code()) {
            throw new ProtocolException(ErrorCode.UNKNOWN_ERRCODE, "TX_IN_BLOCK with err " + err);
        }
        return new TxInBlockUnknownPacket(ErrorCode.fromCode(err).orElseThrow(), position);
    }

    static HashesInBlockPacket hashesInBlock(ByteReader body) throws ProtocolException {
        return new HashesInBlockPacket(StructCodec.decodeProof(body), StructCodec.decodeTxRefHash(body));
    }

    static TxBadInputPacket txBadInput(ByteReader body) throws ProtocolException {
        return new TxBadInputPacket(body.u32(), TxCodec.decode(body), TxCodec.decode(body));
    }

    /** The tx, then as many txs as it has inputs. */
    static TxBadAmountPacket txBadAmount(ByteReader body) throws ProtocolException {
        Tx tx = TxCodec.decode(body);
        return new TxBadAmountPacket(tx, inputTxs(body, tx));
    }

    static TxDoublespendPacket txDoublespend(ByteReader body) throws ProtocolException {
        return new TxDoublespendPacket(body.u32(), body.u32(), TxCodec.decode(body), TxCodec.decode(body));
    }

    /** One marshalled tx per input of {@code tx}; a lying input count runs out of bytes, not memory. */
    static List<Tx> inputTxs(ByteReader body, Tx tx) throws ProtocolException {
        List<Tx> inputs = new ArrayList<>();
        for (int i = 0; i < tx.inputs().size(); i++) {
            inputs.add(TxCodec.decode(body));
        }
        return inputs;
    }
}
