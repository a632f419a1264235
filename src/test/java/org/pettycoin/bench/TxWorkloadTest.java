package org.pettycoin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Tx;

/** The benchmarks' tx stream never repeats a tx and never spends an output twice, however long it runs. */
class TxWorkloadTest {
    @Test
    void everyTxIsNewAndEveryOutputIsSpentOnce() {
        // Few keys, so that a random amount would have met itself long before this many deposits.
        TxWorkload w = new TxWorkload(2, 5);
        Set<Object> txids = new HashSet<>();
        Set<Input> spent = new HashSet<>();
        int payments = 0;
        for (int block = 0; block < 300; block++) {
            for (Tx tx : w.nextBlock(20)) {
                assertThat(txids.add(TxHashes.txid(tx))).as("a tx made twice").isTrue();
                if (tx instanceof NormalTx n) {
                    payments++;
                    for (Input in : n.inputs()) {
                        assertThat(spent.add(in))
                                .as("an output spent twice: " + in)
                                .isTrue();
                    }
                }
            }
        }
        assertThat(txids).hasSize(300 * 20);
        assertThat(payments).isGreaterThan(2000);
    }
}
