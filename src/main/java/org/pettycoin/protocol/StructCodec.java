package org.pettycoin.protocol;

import java.util.List;

/** Marshals the small fixed structures that packets and blockfile records embed (C's protocol.h, protocol_net.h). */
public final class StructCodec {
    private StructCodec() {}

    public static void encodePosition(Position p, ByteWriter w) {
        w.bytes(p.block()).u16(p.shard()).u8(p.txoff()).u8(p.unused());
    }

    public static Position decodePosition(ByteReader r) throws ProtocolException {
        return new Position(r.hash(), r.u16(), r.u8(), r.u8());
    }

    public static void encodeProof(Proof p, ByteWriter w) {
        encodePosition(p.position(), w);
        w.hashes(p.merkles());
    }

    public static Proof decodeProof(ByteReader r) throws ProtocolException {
        r.require(Proof.LENGTH, "proof");
        return new Proof(decodePosition(r), r.hashes(Protocol.MERKLE_DEPTH));
    }

    public static void encodeTxWithProof(TxWithProof t, ByteWriter w) {
        encodeProof(t.proof(), w);
        TxCodec.encode(t.tx(), w);
        TxCodec.encodeRefs(t.refs(), w);
    }

    /** Reads proof ‖ tx ‖ refs from the front of {@code r}; whatever follows stays unread. */
    public static TxWithProof decodeTxWithProof(ByteReader r) throws ProtocolException {
        Proof proof = decodeProof(r);
        Tx tx = TxCodec.decode(r);
        List<InputRef> refs = TxCodec.decodeRefs(r, tx.inputs().size());
        return new TxWithProof(proof, tx, refs);
    }

    public static void encodeTxRefHash(TxRefHash h, ByteWriter w) {
        w.bytes(h.txid()).bytes(h.refhash());
    }

    public static TxRefHash decodeTxRefHash(ByteReader r) throws ProtocolException {
        return new TxRefHash(r.hash(), r.hash());
    }

    public static void encodeNetAddress(NetAddress a, ByteWriter w) {
        w.u32(a.time()).bytes(a.addr()).u16(a.port()).u16(a.unused()).bytes(a.uuid());
    }

    public static NetAddress decodeNetAddress(ByteReader r) throws ProtocolException {
        return new NetAddress(r.u32(), r.byteString(NetAddress.ADDR_LENGTH), r.u16(), r.u16(), r.uuid());
    }

    public static void encodeChildBlock(ChildBlock c, ByteWriter w) {
        w.bytes(c.block()).bytes(c.descendants());
    }

    public static ChildBlock decodeChildBlock(ByteReader r) throws ProtocolException {
        return new ChildBlock(r.hash(), r.hash());
    }
}
