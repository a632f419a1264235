package org.pettycoin.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Bodies of the connection-level packets: ERR, WELCOME, SET_FILTER, GET_PEERS, PEERS, PIGGYBACK. */
final class PeerPackets {
    private PeerPackets() {}

    static void addWriters(BodyWriters writers) {
        writers.add(ErrPacket.class, (p, w) -> w.bytes(p.body()))
                .add(WelcomePacket.class, PeerPackets::writeWelcome)
                .add(SetFilterPacket.class, (p, w) -> w.u64(p.filter()).u64(p.offset()))
                .add(GetPeersPacket.class, (p, w) -> {})
                .add(PeersPacket.class, (p, w) -> p.peers().forEach(a -> StructCodec.encodeNetAddress(a, w)))
                .add(PiggybackPacket.class, (p, w) -> w.bytes(p.body()));
    }

    private static void writeWelcome(WelcomePacket p, ByteWriter w) {
        w.u32(p.version()).bytes(p.moniker()).u16(p.listenPort()).bytes(p.uuid());
        StructCodec.encodeNetAddress(p.you(), w);
        w.bytes(p.interests());
        p.bestBlock().ifPresent(b -> BlockCodec.encode(b, w));
    }

    /** Any length: C logs a malformed ERR and hangs up just the same. */
    static ErrPacket err(ByteReader body) throws ProtocolException {
        return new ErrPacket(body.byteString(body.remaining()));
    }

    /** At least the fixed part; anything after it must be exactly one block, else that block's ecode. */
    static WelcomePacket welcome(ByteReader body) throws ProtocolException {
        long version = body.u32();
        Bytes moniker = body.byteString(WelcomePacket.MONIKER_LENGTH);
        int listenPort = body.u16();
        NodeUuid uuid = body.uuid();
        NetAddress you = StructCodec.decodeNetAddress(body);
        Bytes interests = body.byteString(WelcomePacket.INTERESTS_LENGTH);
        Optional<Block> best = body.hasRemaining() ? Optional.of(BlockCodec.decode(body)) : Optional.empty();
        return new WelcomePacket(version, moniker, listenPort, uuid, you, interests, best);
    }

    /** Exactly two le64s. Their values are the receiver's to judge (FILTER_INVALID). */
    static SetFilterPacket setFilter(ByteReader body) throws ProtocolException {
        return new SetFilterPacket(body.u64(), body.u64());
    }

    /** Whole addresses only; zero of them is accepted (C rejects that, but also sends it). */
    static PeersPacket peers(ByteReader body) throws ProtocolException {
        if (body.remaining() % NetAddress.LENGTH != 0) {
            throw new ProtocolException(
                    ErrorCode.INVALID_LEN,
                    "PEERS body of " + body.remaining() + " bytes is not a whole number of addresses");
        }
        List<NetAddress> peers = new ArrayList<>(body.remaining() / NetAddress.LENGTH);
        while (body.hasRemaining()) {
            peers.add(StructCodec.decodeNetAddress(body));
        }
        return new PeersPacket(peers);
    }

    /** Opaque: C ignores every piggyback body. */
    static PiggybackPacket piggyback(ByteReader body) throws ProtocolException {
        return new PiggybackPacket(body.byteString(body.remaining()));
    }
}
