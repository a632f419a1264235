package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.PublicKey;
import org.pettycoin.protocol.Signature;
import org.pettycoin.protocol.Tx;

/** The in-shard order check of C's check_block.c check_tx_ordering (the order itself is TxShards'). */
class TxOrderingTest {
    private static final PublicKey KEY =
            PublicKey.fromHex("02" + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");

    /** A from-gateway tx ordered by its first output's address; the amount only breaks ties. */
    private static Tx tx(int addressByte, long amount) {
        byte[] addr = new byte[20];
        addr[1] = (byte) addressByte;
        return new FromGatewayTx(
                false, 0, KEY, 0, Signature.ZERO, List.of(new GatewayPayment(amount, Address.of(addr))));
    }

    @Test
    void strictlyBetweenItsNeighboursIsInOrder() {
        assertThat(TxOrdering.misordered(Optional.of(tx(1, 5)), tx(2, 5), Optional.of(tx(3, 5))))
                .isFalse();
        assertThat(TxOrdering.misordered(Optional.of(tx(2, 4)), tx(2, 5), Optional.of(tx(2, 6))))
                .isFalse();
        assertThat(TxOrdering.misordered(Optional.empty(), tx(2, 5), Optional.empty()))
                .isFalse();
        assertThat(TxOrdering.misordered(Optional.empty(), tx(2, 5), Optional.of(tx(3, 0))))
                .isFalse();
        assertThat(TxOrdering.misordered(Optional.of(tx(1, 9)), tx(2, 5), Optional.empty()))
                .isFalse();
    }

    @Test
    void aNeighbourOnTheWrongSideOrEqualIsMisordered() {
        assertThat(TxOrdering.misordered(Optional.of(tx(3, 5)), tx(2, 5), Optional.empty()))
                .isTrue();
        assertThat(TxOrdering.misordered(Optional.empty(), tx(2, 5), Optional.of(tx(1, 5))))
                .isTrue();
        assertThat(TxOrdering.misordered(Optional.of(tx(2, 5)), tx(2, 5), Optional.of(tx(3, 5))))
                .isTrue();
        assertThat(TxOrdering.misordered(Optional.of(tx(1, 5)), tx(2, 5), Optional.of(tx(2, 5))))
                .isTrue();
    }

    @Property
    void onlyTheSortedPlacementIsInOrder(@ForAll @Size(3) @UniqueElements List<@IntRange(max = 255) Integer> keys) {
        List<Tx> txs = new ArrayList<>();
        for (int k : keys) {
            txs.add(tx(k, 1));
        }
        boolean sorted = keys.get(0) < keys.get(1) && keys.get(1) < keys.get(2);
        assertThat(TxOrdering.misordered(Optional.of(txs.get(0)), txs.get(1), Optional.of(txs.get(2))))
                .isEqualTo(!sorted);
    }
}
