package org.pettycoin.protocol;

/**
 * Encodes and decodes whole packets: {@code le32 len} (the whole frame), {@code le32 type}, body
 * (C's protocol_net.h). Decoding enforces every rule the C receiver applies to the bytes alone,
 * with the ecode C gives: lengths (INVALID_LEN), types a peer may not send (UNKNOWN_COMMAND), err
 * values a reply may not carry, and the ecodes of embedded txs and blocks. It never throws anything
 * but {@link ProtocolException}, and it allocates nothing a length field asks for before the bytes
 * are there.
 *
 * <p>Rules that need the chain or the connection state are the receiver's, so the data they judge is
 * kept as sent: SHARD's entry count and TXMAP's bitmap length against the block's {@code num_txs},
 * SET_FILTER's values, the welcome's version and interests, and that WELCOME comes first and only
 * once. C looks the block up before checking the rest of some packets (CHILDREN, SHARD,
 * TX_IN_BLOCK, COMPLAIN_TX_INVALID), so for a malformed one about a block it does not know C may
 * stay silent or answer UNKNOWN_BLOCK where this codec says INVALID_LEN; such a packet breaks the
 * protocol either way.
 */
public final class PacketCodec {
    private static final BodyWriters WRITERS = writers();

    private PacketCodec() {}

    /** The whole frame. A packet over {@link Protocol#MAX_PACKET_LEN} cannot be sent: the C writer asserts. */
    public static byte[] encode(Packet p) {
        ByteWriter w = new ByteWriter();
        w.u32(0).u32(p.type().code());
        WRITERS.write(p, w);
        if (w.size() > Protocol.MAX_PACKET_LEN) {
            throw new IllegalArgumentException(p.type().cName() + " of " + w.size() + " bytes exceeds the 4 MiB limit");
        }
        return w.putU32At(0, w.size()).toByteArray();
    }

    /** Decodes one whole frame, whose {@code len} field must be its length. */
    public static Packet decode(byte[] frame) throws ProtocolException {
        ByteReader r = new ByteReader(frame);
        long len = Framing.checkLength(r.u32());
        if (len != frame.length) {
            throw new ProtocolException(ErrorCode.INVALID_LEN, "frame says " + len + " bytes but has " + frame.length);
        }
        return decodeBody(r.u32(), r);
    }

    /** Decodes a body that arrived under {@code type} (an unsigned le32). */
    public static Packet decode(int type, byte[] body) throws ProtocolException {
        Framing.checkLength((long) Protocol.PACKET_HEADER_LEN + body.length);
        return decodeBody(Integer.toUnsignedLong(type), new ByteReader(body));
    }

    private static Packet decodeBody(long code, ByteReader body) throws ProtocolException {
        PacketType type = PacketType.fromCode(code).orElseThrow(() -> unknownCommand(code));
        Packet p = switch (type) {
            case ERR -> PeerPackets.err(body);
            case WELCOME -> PeerPackets.welcome(body);
            case GET_CHILDREN -> new GetChildrenPacket(body.hash());
            case CHILDREN -> ChainPackets.children(body);
            case GET_BLOCK -> new GetBlockPacket(body.hash());
            case BLOCK -> ChainPackets.block(body);
            case GET_SHARD -> ChainPackets.getShard(body);
            case SHARD -> ChainPackets.shard(body);
            case GET_TX -> new GetTxPacket(body.hash());
            case TX -> TxPackets.tx(body);
            case HASHES_IN_BLOCK -> TxPackets.hashesInBlock(body);
            case GET_TX_IN_BLOCK -> new GetTxInBlockPacket(StructCodec.decodePosition(body));
            case TX_IN_BLOCK -> TxPackets.txInBlock(body);
            case GET_TXMAP -> ChainPackets.getTxMap(body);
            case TXMAP -> ChainPackets.txMap(body);
            case SET_FILTER -> PeerPackets.setFilter(body);
            case GET_PEERS -> new GetPeersPacket();
            case PEERS -> PeerPackets.peers(body);
            case TX_BAD_INPUT -> TxPackets.txBadInput(body);
            case TX_BAD_AMOUNT -> TxPackets.txBadAmount(body);
            case TX_DOUBLESPEND -> TxPackets.txDoublespend(body);
            case COMPLAIN_TX_MISORDER -> ComplaintPackets.txMisorder(body);
            case COMPLAIN_TX_INVALID -> ComplaintPackets.txInvalid(body);
            case COMPLAIN_TX_BAD_INPUT -> ComplaintPackets.txBadInput(body);
            case COMPLAIN_DOUBLESPEND -> ComplaintPackets.doublespend(body);
            case COMPLAIN_BAD_INPUT_REF -> ComplaintPackets.badInputRef(body);
            case COMPLAIN_TX_BAD_AMOUNT -> ComplaintPackets.txBadAmount(body);
            case COMPLAIN_CLAIM_INPUT_INVALID -> ComplaintPackets.claimInputInvalid(body);
            case PIGGYBACK -> PeerPackets.piggyback(body);
            case NONE, UNUSED1, UNUSED2, MAX -> throw unknownCommand(code);
        };
        // Every packet must account for every byte: fixed-size packets are exact, variable ones
        // end where their last part ends (C: "exact consumption").
        body.expectEnd(type.cName());
        return p;
    }

    private static ProtocolException unknownCommand(long code) {
        return new ProtocolException(ErrorCode.UNKNOWN_COMMAND, "packet type " + code);
    }

    private static BodyWriters writers() {
        BodyWriters writers = new BodyWriters();
        PeerPackets.addWriters(writers);
        ChainPackets.addWriters(writers);
        TxPackets.addWriters(writers);
        ComplaintPackets.addWriters(writers);
        return writers;
    }
}
