package org.pettycoin.chainstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestKeys.key;
import static org.pettycoin.testing.TestTxs.fund;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.consensus.MerkleTree;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.mining.MinedBlock;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.HashesInBlockPacket;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.Position;
import org.pettycoin.protocol.Proof;
import org.pettycoin.protocol.ShardPacket;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxRefHash;
import org.pettycoin.protocol.TxWithProof;
import org.pettycoin.testing.TestTxs;

/** Filling shards from SHARD, HASHES_IN_BLOCK and TX_IN_BLOCK, and partial knowledge moving the heads. */
class ChainStateContentsTest {
    private static final PrivateKey ALICE = key(2);

    @Test
    void aBlockCountsForMiningOnlyOnceEveryTxIsKnown() {
        NodeFixture f = new NodeFixture();
        MinedBlock b1 = f.build(f.head(), fund(ALICE, 1000), fund(key(3), 500));
        f.state.receiveBlock(b1.block());
        BlockNode n1 = f.state.tree().find(b1.id()).orElseThrow();
        assertThat(f.state.tree().heads().longestChains().get(0)).isEqualTo(n1);
        assertThat(f.head()).isEqualTo(f.state.tree().genesis());

        List<TxWithProof> txs = b1.provenTxs();
        assertThat(f.input.receiveTxInBlock(txs.get(0), Origin.LOCAL).outcome())
                .isEqualTo(ContentResult.Outcome.STORED);
        assertThat(n1.allKnown()).isFalse();
        assertThat(f.head()).isEqualTo(f.state.tree().genesis());
        assertThat(f.input.receiveTxInBlock(txs.get(1), Origin.LOCAL).outcome())
                .isEqualTo(ContentResult.Outcome.STORED);
        assertThat(n1.allKnown()).isTrue();
        assertThat(f.head()).isEqualTo(n1);
        assertThat(f.state.receiveTxInBlock(txs.get(1)).outcome()).isEqualTo(ContentResult.Outcome.ALREADY_KNOWN);
        assertThat(f.events)
                .containsExactlyInAnyOrder(
                        "placed 1/" + txs.get(0).proof().position().shard() + "/0",
                        "placed 1/" + txs.get(1).proof().position().shard() + "/0");
    }

    @Test
    void anIncompleteBlockHoldsBackItsDescendantsUntilFilled() {
        NodeFixture f = new NodeFixture();
        MinedBlock b1 = f.build(f.head(), fund(ALICE, 1000));
        f.state.receiveBlock(b1.block());
        BlockNode n1 = f.state.tree().find(b1.id()).orElseThrow();
        // A miner who knows b1 builds three empty blocks on it; we only have their headers' worth.
        f.state.receiveTxInBlock(b1.provenTxs().get(0));
        BlockNode n4 = f.builder.extend(n1, 3);
        assertThat(f.head()).isEqualTo(n4);

        NodeFixture g = new NodeFixture();
        g.clock.setUnixSeconds(f.clock.unixSeconds());
        g.state.receiveBlock(b1.block());
        f.builder.builtWithContents().forEach(m -> g.state.receiveBlock(m.block()));
        assertThat(g.state.tree().heads().longestChains().get(0).id()).isEqualTo(n4.id());
        assertThat(g.head()).isEqualTo(g.state.tree().genesis());
        ShardPacket shard = b1.shardPackets().get(0);
        assertThat(Results.accepted(g.state.receiveShard(shard)).wantedSlots())
                .containsExactly(new Position(b1.id(), shard.shard(), 0));
        assertThat(g.head()).isEqualTo(g.state.tree().genesis());
        assertThat(g.state.receiveTxInBlock(b1.provenTxs().get(0)).outcome()).isEqualTo(ContentResult.Outcome.STORED);
        assertThat(g.head().id()).isEqualTo(n4.id());
    }

    @Test
    void aShardFillsFromPendingTxsWithoutFetching() throws Exception {
        NodeFixture f = new NodeFixture();
        Tx tx = fund(ALICE, 1000);
        MinedBlock b1 = f.build(f.head(), tx);
        assertThat(f.state.submitTx(tx).admission().status()).isEqualTo(PendingPool.Status.READY);
        f.state.receiveBlock(b1.block());
        ContentResult r = f.state.receiveShard(b1.shardPackets().get(0));
        assertThat(r.outcome()).isEqualTo(ContentResult.Outcome.STORED);
        assertThat(Results.accepted(r).wantedSlots()).isEmpty();
        assertThat(f.head().id()).isEqualTo(b1.id());
        assertThat(f.state.pending().size()).isZero();
    }

    @Test
    void aLooseTxFillsAHashOnlySlot() throws Exception {
        NodeFixture f = new NodeFixture();
        Tx tx = fund(ALICE, 1000);
        MinedBlock b1 = f.build(f.head(), tx);
        f.state.receiveBlock(b1.block());
        Proof proof = b1.provenTxs().get(0).proof();
        TxRefHash hash = TxHashes.txRefHash(tx, List.of());
        ContentResult r = f.state.receiveHashInBlock(new HashesInBlockPacket(proof, hash));
        assertThat(Results.accepted(r).wantedSlots()).containsExactly(proof.position());
        assertThat(f.state
                        .receiveHashInBlock(new HashesInBlockPacket(proof, hash))
                        .outcome())
                .isEqualTo(ContentResult.Outcome.ALREADY_KNOWN);
        f.state.submitTx(tx);
        assertThat(f.head().id()).isEqualTo(b1.id());
        assertThat(f.state.txAt(f.head(), proof.position().shard(), 0)).contains(tx);
    }

    @Test
    void badShardsAndProofsAreRefusedWithTheirErrors() {
        NodeFixture f = new NodeFixture();
        MinedBlock b1 = f.build(f.head(), fund(ALICE, 1000), fund(ALICE, 2000));
        f.state.receiveBlock(b1.block());
        ShardPacket good = b1.shardPackets().get(0);
        Hash256 id = b1.id();
        TxRefHash junk = new TxRefHash(Hash256.ZERO, Hash256.ZERO);

        assertThat(Results.refusal(f.state.receiveShard(new ShardPacket(id, 4, good.hashes()))))
                .isEqualTo(ErrorCode.BAD_SHARDNUM);
        assertThat(Results.refusal(f.state.receiveShard(new ShardPacket(id, good.shard(), List.of(junk, junk, junk)))))
                .isEqualTo(ErrorCode.INVALID_LEN);
        int empty = good.shard() == 0 ? 1 : 0;
        if (b1.block().numTxs(empty) == 0) {
            assertThat(Results.refusal(f.state.receiveShard(new ShardPacket(id, empty, List.of()))))
                    .isEqualTo(ErrorCode.INVALID_LEN);
        }
        List<TxRefHash> swapped = good.hashes().size() == 2
                ? List.of(good.hashes().get(1), good.hashes().get(0))
                : List.of(junk);
        assertThat(Results.refusal(f.state.receiveShard(new ShardPacket(id, good.shard(), swapped))))
                .isEqualTo(ErrorCode.BAD_MERKLE);

        TxWithProof t = b1.provenTxs().get(0);
        TxWithProof elsewhere = new TxWithProof(
                MerkleTree.proof(id, t.proof().position().shard(), List.of(junk, junk), 1), t.tx(), t.refs());
        assertThat(Results.refusal(f.state.receiveTxInBlock(elsewhere))).isEqualTo(ErrorCode.BAD_PROOF);
        assertThat(Results.refusal(f.state.receiveHashInBlock(new HashesInBlockPacket(t.proof(), junk))))
                .isEqualTo(ErrorCode.BAD_PROOF);
        TxWithProof badRef = new TxWithProof(
                t.proof(),
                TestTxs.pay(ALICE, NodeFixture.MINER, 1, 0, TestTxs.out(t.tx(), 0)),
                List.of(new InputRef(5, 0, 0)));
        assertThat(Results.refusal(f.state.receiveTxInBlock(badRef))).isEqualTo(ErrorCode.REF_BAD_BLOCKS_AGO);

        Hash256 unknown = Hash256.ZERO;
        ContentResult r = f.state.receiveShard(new ShardPacket(unknown, 0, good.hashes()));
        assertThat(r.outcome()).isEqualTo(ContentResult.Outcome.UNKNOWN_BLOCK);
        assertThat(Results.wantedBlock(r)).isEqualTo(unknown);
    }

    @Test
    void aWrongPrevTxhashesByteIsReportedButTheBlockStays() {
        NodeFixture f = new NodeFixture();
        BlockNode n1 = f.mine(f.head(), fund(ALICE, 1000));
        MinedBlock honest = f.build(n1);
        byte[] bytes = honest.block().prevTxhashes().toByteArray();
        bytes[0] ^= 1;
        org.pettycoin.protocol.Block lying = org.pettycoin.mining.ChainBuilder.solve(new org.pettycoin.protocol.Block(
                honest.block().header(),
                honest.block().numTxs(),
                honest.block().merkles(),
                org.pettycoin.protocol.Bytes.of(bytes),
                honest.block().tailer()));
        ChainState.BlockReceipt r = f.state.receiveBlock(lying);
        assertThat(r.intake().status()).isEqualTo(BlockIntake.Status.ATTACHED);
        assertThat(r.prevTxhashesMismatch()).hasSize(1);
        assertThat(f.head().block()).isEqualTo(lying);
    }

    @Test
    void honestFullBlocksHaveEveryPrevTxhashesByteRight() {
        NodeFixture source = new NodeFixture();
        org.pettycoin.bench.TxWorkload work = new org.pettycoin.bench.TxWorkload(16, 1);
        BlockNode tip = source.head();
        for (int i = 0; i < 12; i++) {
            tip = source.mine(tip, work.nextBlock(20).toArray(new Tx[0]));
        }
        NodeFixture target = new NodeFixture();
        target.clock.setUnixSeconds(source.clock.unixSeconds());
        int checked = 0;
        for (MinedBlock m : source.builder.builtWithContents()) {
            ChainState.BlockReceipt r = target.state.receiveBlock(m.block());
            assertThat(r.prevTxhashesMismatch())
                    .as("block %d", m.block().height())
                    .isEmpty();
            m.shardPackets().forEach(target.state::receiveShard);
            m.provenTxs().forEach(target.state::receiveTxInBlock);
            checked++;
        }
        assertThat(checked).isEqualTo(12);
        assertThat(target.head().id()).isEqualTo(tip.id());
    }
}
