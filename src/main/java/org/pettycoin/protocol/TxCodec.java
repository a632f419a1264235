package org.pettycoin.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Marshals transactions and their input refs exactly as the C node does (C's marshal.c).
 * Decoding follows {@code unmarshal_tx}'s order of checks, so a bad tx yields the same ecode.
 */
public final class TxCodec {
    private static final int HEADER_LENGTH = 3;
    private static final int NUM_INPUTS_OFFSET = 64;
    private static final int NUM_OUTPUTS_OFFSET = 36;

    private TxCodec() {}

    /** Marshalled length of {@code tx} ({@code tx_len}). */
    public static int length(Tx tx) {
        if (tx instanceof TransferTx t) {
            return TransferTx.FIXED_LENGTH + Input.LENGTH * t.inputs().size();
        }
        if (tx instanceof FromGatewayTx g) {
            return FromGatewayTx.FIXED_LENGTH
                    + GatewayPayment.LENGTH * g.outputs().size();
        }
        return ClaimTx.LENGTH;
    }

    /** Offset of the 64-byte signature inside the marshalled tx (what signing cuts out). */
    public static int signatureOffset(Tx tx) {
        if (tx instanceof TransferTx) {
            return TransferTx.SIGNATURE_OFFSET;
        }
        return tx instanceof FromGatewayTx ? FromGatewayTx.SIGNATURE_OFFSET : ClaimTx.SIGNATURE_OFFSET;
    }

    public static byte[] encode(Tx tx) {
        ByteWriter w = new ByteWriter(length(tx));
        encode(tx, w);
        return w.toByteArray();
    }

    public static void encode(Tx tx, ByteWriter w) {
        w.u8(Protocol.VERSION).u8(tx.typeByte()).u8(tx.features());
        if (tx instanceof TransferTx t) {
            w.bytes(t.inputKey())
                    .bytes(t.destination())
                    .u32(t.sendAmount())
                    .u32(t.changeAmount())
                    .u32(t.inputs().size())
                    .bytes(t.signature());
            t.inputs().forEach(in -> encodeInput(in, w));
        } else if (tx instanceof FromGatewayTx g) {
            w.bytes(g.gatewayKey()).u16(g.outputs().size()).u16(g.unused()).bytes(g.signature());
            for (GatewayPayment p : g.outputs()) {
                w.u32(p.sendAmount()).bytes(p.outputAddr());
            }
        } else {
            ClaimTx c = (ClaimTx) tx;
            w.bytes(c.inputKey()).u32(c.amount());
            encodeInput(c.input(), w);
            w.bytes(c.signature());
        }
    }

    /** Decodes a tx that must fill {@code bytes} exactly. */
    public static Tx decode(byte[] bytes) throws ProtocolException {
        ByteReader r = new ByteReader(bytes);
        Tx tx = decode(r);
        r.expectEnd("transaction");
        return tx;
    }

    /** Decodes one tx from the front of {@code r}, leaving any remainder (unmarshal_tx with "used"). */
    public static Tx decode(ByteReader r) throws ProtocolException {
        if (r.remaining() < HEADER_LENGTH) {
            throw new ProtocolException(ErrorCode.INVALID_LEN, "transaction shorter than its 3-byte header");
        }
        if (r.peekU8(0) != Protocol.VERSION) {
            throw new ProtocolException(ErrorCode.TX_HIGH_VERSION, "transaction version " + r.peekU8(0));
        }
        int typeByte = r.peekU8(1);
        TxType kind = TxType.fromTypeByte(typeByte)
                .orElseThrow(() ->
                        new ProtocolException(ErrorCode.TX_TYPE_UNKNOWN, "transaction type " + (typeByte & 0x7f)));
        ByteReader body = r.slice(declaredLength(r, kind));
        body.skip(2);
        boolean paysFee = (typeByte & Protocol.FEE_TYPE) != 0;
        int features = body.u8();
        return switch (kind) {
            case NORMAL, TO_GATEWAY -> decodeTransfer(kind, paysFee, features, body);
            case FROM_GATEWAY -> {
                PublicKey key = body.publicKey();
                int n = body.u16();
                int unused = body.u16();
                Signature sig = body.signature();
                List<GatewayPayment> outputs = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    outputs.add(new GatewayPayment(body.u32(), body.address()));
                }
                yield new FromGatewayTx(paysFee, features, key, unused, sig, outputs);
            }
            case CLAIM ->
                new ClaimTx(paysFee, features, body.publicKey(), body.u32(), decodeInput(body), body.signature());
        };
    }

    /** The length the tx claims, checked against what is there before anything is allocated. */
    private static long declaredLength(ByteReader r, TxType kind) throws ProtocolException {
        long len = switch (kind) {
            case NORMAL, TO_GATEWAY -> {
                requireFixed(r, TransferTx.FIXED_LENGTH);
                yield TransferTx.FIXED_LENGTH + Input.LENGTH * r.peekU32(NUM_INPUTS_OFFSET);
            }
            case FROM_GATEWAY -> {
                requireFixed(r, FromGatewayTx.FIXED_LENGTH);
                yield FromGatewayTx.FIXED_LENGTH + (long) GatewayPayment.LENGTH * r.peekU16(NUM_OUTPUTS_OFFSET);
            }
            case CLAIM -> ClaimTx.LENGTH;
        };
        if (r.remaining() < len) {
            throw new ProtocolException(
                    ErrorCode.INVALID_LEN,
                    kind + " transaction claims " + len + " bytes, " + r.remaining() + " present");
        }
        return len;
    }

    private static void requireFixed(ByteReader r, int fixed) throws ProtocolException {
        if (r.remaining() < fixed) {
            throw new ProtocolException(
                    ErrorCode.INVALID_LEN, "transaction shorter than its " + fixed + "-byte fixed part");
        }
    }

    private static Tx decodeTransfer(TxType kind, boolean paysFee, int features, ByteReader body)
            throws ProtocolException {
        PublicKey key = body.publicKey();
        Address dest = body.address();
        long send = body.u32();
        long change = body.u32();
        long n = body.u32();
        Signature sig = body.signature();
        List<Input> inputs = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            inputs.add(decodeInput(body));
        }
        return kind == TxType.NORMAL
                ? new NormalTx(paysFee, features, key, dest, send, change, sig, inputs)
                : new ToGatewayTx(paysFee, features, key, dest, send, change, sig, inputs);
    }

    public static void encodeInput(Input in, ByteWriter w) {
        w.bytes(in.txid()).u16(in.output()).u16(in.unused());
    }

    public static Input decodeInput(ByteReader r) throws ProtocolException {
        return new Input(r.hash(), r.u16(), r.u16());
    }

    /** A tx followed by its refs, as it sits in a block (what C's prev_txhashes.c prev_txhash hashes). */
    public static byte[] encodeWithRefs(Tx tx, List<InputRef> refs) {
        ByteWriter w = new ByteWriter(length(tx) + InputRef.LENGTH * refs.size());
        encode(tx, w);
        encodeRefs(refs, w);
        return w.toByteArray();
    }

    /** Input refs as they follow a tx inside a block: 8 bytes each. */
    public static byte[] encodeRefs(List<InputRef> refs) {
        ByteWriter w = new ByteWriter(InputRef.LENGTH * refs.size());
        encodeRefs(refs, w);
        return w.toByteArray();
    }

    public static void encodeRefs(List<InputRef> refs, ByteWriter w) {
        for (InputRef ref : refs) {
            w.u32(ref.blocksAgo()).u16(ref.shard()).u8(ref.txoff()).u8(ref.unused());
        }
    }

    /** Reads the {@code count} refs of a tx (one per input). */
    public static List<InputRef> decodeRefs(ByteReader r, int count) throws ProtocolException {
        r.require((long) count * InputRef.LENGTH, "input refs");
        List<InputRef> refs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            refs.add(new InputRef(r.u32(), r.u16(), r.u8(), r.u8()));
        }
        return List.copyOf(refs);
    }
}
