package org.pettycoin.consensus;

import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.TransferTx;
import org.pettycoin.protocol.Tx;

/**
 * Amounts, fees and the balance rule (C's tx.c, check_tx.c correct_amount).
 * All arithmetic is the C node's u32 arithmetic, wrapping where it wraps: amounts are longs holding
 * u32 values.
 */
public final class TxAmounts {
    private static final long U32_MASK = 0xffffffffL;

    private TxAmounts() {}

    /**
     * {@code tx_amount_for_fee}: what the fee is charged on. Only the send, never the change, of a
     * transfer; the u32 sum of the outputs (wrapping) of a from-gateway tx.
     */
    public static long amountForFee(Tx tx) {
        if (tx instanceof TransferTx t) {
            return t.sendAmount();
        } else if (tx instanceof FromGatewayTx g) {
            return outputSum(g);
        }
        return ((ClaimTx) tx).amount();
    }

    /** {@code tx_amount_sent}: everything the tx pays out, change included (u32, wrapping). */
    public static long amountSent(Tx tx) {
        if (tx instanceof TransferTx t) {
            return u32(t.sendAmount() + t.changeAmount());
        } else if (tx instanceof FromGatewayTx g) {
            return outputSum(g);
        }
        return ((ClaimTx) tx).amount();
    }

    /** PROTOCOL_FEE of {@link #amountForFee} if the tx's fee bit is set, else 0. */
    public static long fee(Tx tx) {
        return tx.paysFee() ? Protocol.fee(amountForFee(tx)) : 0;
    }

    /**
     * {@code correct_amount}: the inputs pay exactly what is sent plus the fee; there is no implicit
     * fee and no slack. {@code totalInputs} is taken mod 2^32, as C accumulates it in a u32. Applies to
     * NORMAL, TO_GATEWAY and CLAIM; a from-gateway tx has no inputs and is never amount-checked.
     */
    public static boolean correctAmount(Tx tx, long totalInputs) {
        return u32(totalInputs) == u32(amountSent(tx) + fee(tx));
    }

    private static long outputSum(FromGatewayTx g) {
        long total = 0;
        for (GatewayPayment out : g.outputs()) {
            total = u32(total + out.sendAmount());
        }
        return total;
    }

    private static long u32(long v) {
        return v & U32_MASK;
    }
}
