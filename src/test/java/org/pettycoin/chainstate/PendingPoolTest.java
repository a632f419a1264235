package org.pettycoin.chainstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestKeys.address;
import static org.pettycoin.testing.TestKeys.key;
import static org.pettycoin.testing.TestTxs.pay;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Tx;

/** The pending pool on its own: bounds and index hygiene. */
class PendingPoolTest {
    @Test
    void theWaitingListKeepsTheNewestAndForgetsTheOldestEverywhere() {
        BlockTree tree = new BlockTree(Network.REGTEST);
        TxStore store = new TxStore();
        PendingPool pool = new PendingPool(store, tree::genesis, () -> 0L, PendingPool.Policy.ACCEPT_ALL, 3);
        List<Tx> txs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Input unknown = new Input(
                    Hash256.of(new byte[] {
                        (byte) i, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
                        25, 26, 27, 28, 29, 30, 31
                    }),
                    0);
            NormalTx tx = pay(key(2), address(key(3)), 10, 0, unknown);
            txs.add(tx);
            assertThat(pool.add(tx).status()).isEqualTo(PendingPool.Status.WAITING);
        }
        assertThat(pool.waiting()).containsExactlyElementsOf(txs.subList(2, 5));
        assertThat(pool.size()).isEqualTo(3);
        for (int i = 0; i < 2; i++) {
            Tx gone = txs.get(i);
            assertThat(pool.contains(TxHashes.txid(gone))).isFalse();
            assertThat(store.spenderTxids(Outpoint.of(gone.inputs().get(0)))).isEmpty();
        }
        assertThat(store.spenderTxids(Outpoint.of(txs.get(4).inputs().get(0))))
                .containsExactly(TxHashes.txid(txs.get(4)));
        assertThat(pool.drop(TxHashes.txid(txs.get(4)))).isTrue();
        assertThat(store.spenderTxids(Outpoint.of(txs.get(4).inputs().get(0)))).isEmpty();
        assertThat(pool.drop(TxHashes.txid(txs.get(4)))).isFalse();
    }
}
