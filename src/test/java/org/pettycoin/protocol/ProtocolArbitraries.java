package org.pettycoin.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of arbitrary wire values for the codec properties: every field over its whole range,
 * {@code unused} fields included, but lists kept short so a thousand tries stay fast.
 */
final class ProtocolArbitraries {
    private static final int MAX_LIST = 4;
    private static final int MAX_INPUTS = 5;

    private ProtocolArbitraries() {}

    /** Fixed-size fields (ids, keys, nonces) are opaque: their edge cases add nothing but combinations. */
    static Arbitrary<byte[]> bytes(int size) {
        return Arbitraries.bytes().array(byte[].class).ofSize(size).withoutEdgeCases();
    }

    static Arbitrary<Bytes> blobs(int maxSize) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize).map(Bytes::of);
    }

    /** Large blobs from a random seed: generating thousands of bytes one by one is slow. */
    static Arbitrary<Bytes> seededBlob(int size) {
        return Arbitraries.longs().map(seed -> {
            byte[] b = new byte[size];
            new Random(seed).nextBytes(b);
            return Bytes.of(b);
        });
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xffffffffL);
    }

    static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xffff);
    }

    static Arbitrary<Integer> u8() {
        return Arbitraries.integers().between(0, 0xff);
    }

    static Arbitrary<Hash256> hashes() {
        return bytes(Hash256.LENGTH).map(Hash256::of);
    }

    static Arbitrary<Address> addresses() {
        return bytes(Address.LENGTH).map(Address::of);
    }

    static Arbitrary<PublicKey> publicKeys() {
        return bytes(PublicKey.LENGTH).map(PublicKey::of);
    }

    static Arbitrary<Signature> signatures() {
        return bytes(Signature.LENGTH).map(Signature::of);
    }

    static Arbitrary<NodeUuid> uuids() {
        return bytes(NodeUuid.LENGTH).map(NodeUuid::of);
    }

    static Arbitrary<Input> inputs() {
        return Combinators.combine(hashes(), u16(), u16()).as(Input::new);
    }

    static Arbitrary<InputRef> refs() {
        return Combinators.combine(u32(), u16(), u8(), u8()).as(InputRef::new);
    }

    static Arbitrary<Tx> txs() {
        Arbitrary<Boolean> fee = Arbitraries.of(true, false);
        Arbitrary<Tx> normal = Combinators.combine(
                        fee,
                        u8(),
                        publicKeys(),
                        addresses(),
                        u32(),
                        u32(),
                        signatures(),
                        inputs().list().ofMaxSize(MAX_INPUTS))
                .as(NormalTx::new);
        Arbitrary<Tx> toGateway = Combinators.combine(
                        fee,
                        u8(),
                        publicKeys(),
                        addresses(),
                        u32(),
                        u32(),
                        signatures(),
                        inputs().list().ofMaxSize(MAX_INPUTS))
                .as(ToGatewayTx::new);
        Arbitrary<Tx> fromGateway = Combinators.combine(
                        fee,
                        u8(),
                        publicKeys(),
                        u16(),
                        signatures(),
                        Combinators.combine(u32(), addresses())
                                .as(GatewayPayment::new)
                                .list()
                                .ofMaxSize(MAX_LIST))
                .as(FromGatewayTx::new);
        Arbitrary<Tx> claim = Combinators.combine(fee, u8(), publicKeys(), u32(), inputs(), signatures())
                .as(ClaimTx::new);
        return Arbitraries.oneOf(normal, toGateway, fromGateway, claim);
    }

    static Arbitrary<Position> positions() {
        return Combinators.combine(hashes(), u16(), u8(), u8()).as(Position::new);
    }

    static Arbitrary<Proof> proofs() {
        return Combinators.combine(positions(), hashes().list().ofSize(Protocol.MERKLE_DEPTH))
                .as(Proof::new);
    }

    static Arbitrary<TxWithProof> proven() {
        return Combinators.combine(proofs(), txs())
                .flatAs((proof, tx) ->
                        refs().list().ofSize(tx.inputs().size()).map(refs -> new TxWithProof(proof, tx, refs)));
    }

    static Arbitrary<TxRefHash> txRefHashes() {
        return Combinators.combine(hashes(), hashes()).as(TxRefHash::new);
    }

    static Arbitrary<NetAddress> netAddresses() {
        return Combinators.combine(u32(), bytes(NetAddress.ADDR_LENGTH).map(Bytes::of), u16(), u16(), uuids())
                .as(NetAddress::new);
    }

    /** Blocks of up to 8 shards with up to 40 prev_txhashes (any shard order is legal on the wire). */
    static Arbitrary<Block> blocks() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 40))
                .flatAs((order, prevTxhashes) -> {
                    int shards = 1 << order;
                    Arbitrary<BlockHeader> header = Combinators.combine(
                                    u8(),
                                    bytes(BlockHeader.NONCE2_LENGTH),
                                    u32(),
                                    addresses(),
                                    hashes().list().ofSize(Protocol.NUM_PREV_IDS))
                            .as((vote, nonce2, height, feesTo, prevs) -> new BlockHeader(
                                    vote, order, Bytes.of(nonce2), prevTxhashes, height, feesTo, prevs));
                    Arbitrary<BlockTailer> tailer =
                            Combinators.combine(u32(), u32(), u32()).as(BlockTailer::new);
                    return Combinators.combine(
                                    header,
                                    bytes(shards).map(Bytes::of),
                                    hashes().list().ofSize(shards),
                                    bytes(prevTxhashes).map(Bytes::of),
                                    tailer)
                            .as(Block::new);
                });
    }

    static Arbitrary<Packet> packets() {
        return Arbitraries.oneOf(new ArrayList<>(packetsByKind().values()));
    }

    /** One generator per packet record; a test checks that none is missing. */
    static Map<Class<? extends Packet>, Arbitrary<? extends Packet>> packetsByKind() {
        Map<Class<? extends Packet>, Arbitrary<? extends Packet>> m = new LinkedHashMap<>();
        m.put(ErrPacket.class, blobs(8).map(ErrPacket::new));
        m.put(
                WelcomePacket.class,
                Combinators.combine(
                                u32(),
                                bytes(WelcomePacket.MONIKER_LENGTH).map(Bytes::of),
                                u16(),
                                uuids(),
                                netAddresses(),
                                Arbitraries.frequencyOf(
                                        Tuple.of(3, Arbitraries.just(WelcomePacket.ALL_INTERESTS)),
                                        Tuple.of(1, seededBlob(WelcomePacket.INTERESTS_LENGTH))),
                                blocks().optional())
                        .as(WelcomePacket::new));
        m.put(GetChildrenPacket.class, hashes().map(GetChildrenPacket::new));
        m.put(
                ChildrenPacket.class,
                Combinators.combine(
                                hashes(),
                                Combinators.combine(hashes(), hashes())
                                        .as(ChildBlock::new)
                                        .list()
                                        .ofMaxSize(MAX_LIST))
                        .as(ChildrenPacket::new));
        m.put(ChildrenUnknownPacket.class, hashes().map(ChildrenUnknownPacket::new));
        m.put(GetBlockPacket.class, hashes().map(GetBlockPacket::new));
        m.put(BlockPacket.class, blocks().map(BlockPacket::new));
        m.put(BlockUnknownPacket.class, hashes().map(BlockUnknownPacket::new));
        m.put(GetShardPacket.class, Combinators.combine(hashes(), u16(), u16()).as(GetShardPacket::new));
        m.put(
                ShardPacket.class,
                Combinators.combine(hashes(), u16(), txRefHashes().list().ofMaxSize(MAX_LIST))
                        .as(ShardPacket::new));
        m.put(
                ShardErrorPacket.class,
                Combinators.combine(hashes(), u16(), Arbitraries.integers().between(1, 0xffff))
                        .as(ShardErrorPacket::new));
        m.put(GetTxPacket.class, hashes().map(GetTxPacket::new));
        m.put(TxPacket.class, txs().map(TxPacket::new));
        m.put(TxUnknownPacket.class, hashes().map(TxUnknownPacket::new));
        m.put(
                HashesInBlockPacket.class,
                Combinators.combine(proofs(), txRefHashes()).as(HashesInBlockPacket::new));
        m.put(GetTxInBlockPacket.class, positions().map(GetTxInBlockPacket::new));
        m.put(TxInBlockPacket.class, proven().map(TxInBlockPacket::new));
        m.put(
                TxInBlockUnknownPacket.class,
                Combinators.combine(Arbitraries.of(ErrorCode.UNKNOWN_BLOCK, ErrorCode.UNKNOWN_TX), positions())
                        .as(TxInBlockUnknownPacket::new));
        m.put(GetTxMapPacket.class, Combinators.combine(hashes(), u16(), u16()).as(GetTxMapPacket::new));
        m.put(
                TxMapPacket.class,
                Combinators.combine(hashes(), u16(), u16(), blobs(40)).as(TxMapPacket::new));
        m.put(
                SetFilterPacket.class,
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(SetFilterPacket::new));
        m.put(GetPeersPacket.class, Arbitraries.just(new GetPeersPacket()));
        m.put(PeersPacket.class, netAddresses().list().ofMaxSize(MAX_LIST).map(PeersPacket::new));
        m.put(TxBadInputPacket.class, Combinators.combine(u32(), txs(), txs()).as(TxBadInputPacket::new));
        m.put(TxBadAmountPacket.class, txs().flatMap(tx -> inputTxs(tx).map(in -> new TxBadAmountPacket(tx, in))));
        m.put(
                TxDoublespendPacket.class,
                Combinators.combine(u32(), u32(), txs(), txs()).as(TxDoublespendPacket::new));
        m.put(
                ComplainTxMisorderPacket.class,
                Combinators.combine(proven(), proven()).as(ComplainTxMisorderPacket::new));
        m.put(
                ComplainTxInvalidPacket.class,
                Combinators.combine(u32(), proofs(), blobs(200), blobs(40)).as(ComplainTxInvalidPacket::new));
        m.put(
                ComplainTxBadInputPacket.class,
                Combinators.combine(u32(), proven(), txs()).as(ComplainTxBadInputPacket::new));
        m.put(
                ComplainDoublespendPacket.class,
                Combinators.combine(u32(), u32(), proven(), proven()).as(ComplainDoublespendPacket::new));
        m.put(
                ComplainBadInputRefPacket.class,
                Combinators.combine(u32(), proven(), proven()).as(ComplainBadInputRefPacket::new));
        m.put(
                ComplainTxBadAmountPacket.class,
                proven().flatMap(p -> inputTxs(p.tx()).map(in -> new ComplainTxBadAmountPacket(p, in))));
        m.put(
                ComplainClaimInputInvalidPacket.class,
                Combinators.combine(proven(), proven()).as(ComplainClaimInputInvalidPacket::new));
        m.put(PiggybackPacket.class, blobs(64).map(PiggybackPacket::new));
        return m;
    }

    private static Arbitrary<List<Tx>> inputTxs(Tx tx) {
        return txs().list().ofSize(tx.inputs().size());
    }
}
