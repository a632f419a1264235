package org.pettycoin.consensus;

import java.util.List;
import java.util.Optional;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.TransferTx;
import org.pettycoin.protocol.Tx;

/**
 * The spendable outputs of a tx and the rule for spending one (C's tx.c find_output,
 * check_tx.c check_simple_input).
 */
public final class TxOutputs {
    /** Outputs of a NORMAL tx: 0 is the send, 1 the change back to the input key's address. */
    public static final int NORMAL_OUTPUTS = 2;
    /** A CLAIM pays its one output to the claimer's address. */
    public static final int CLAIM_OUTPUTS = 1;

    /** One spendable output: who it pays and how much (a u32). */
    public record Output(Address address, long amount) {}

    private TxOutputs() {}

    /** {@code num_outputs}: TO_GATEWAY has none, its payment to the gateway is not spendable. */
    public static int numOutputs(Tx tx) {
        if (tx instanceof NormalTx) {
            return NORMAL_OUTPUTS;
        } else if (tx instanceof FromGatewayTx g) {
            return g.outputs().size();
        } else if (tx instanceof ClaimTx) {
            return CLAIM_OUTPUTS;
        }
        return 0;
    }

    /**
     * {@code find_output(tx, k)}: output {@code k}, if the tx has one. For FROM_GATEWAY we use the
     * intended bound {@code k < num_outputs}: C tests {@code k > num_outputs} and reads one past the
     * end for {@code k == num_outputs} (docs/c-differences.md #13).
     */
    public static Optional<Output> findOutput(Tx tx, int k) {
        if (tx instanceof NormalTx n) {
            if (k == 0) {
                return Optional.of(new Output(n.outputAddr(), n.sendAmount()));
            } else if (k == 1) {
                return Optional.of(new Output(Hash160.addressOf(n.inputKey()), n.changeAmount()));
            }
        } else if (tx instanceof FromGatewayTx g) {
            List<GatewayPayment> outputs = g.outputs();
            if (k >= 0 && k < outputs.size()) {
                return Optional.of(
                        new Output(outputs.get(k).outputAddr(), outputs.get(k).sendAmount()));
            }
        } else if (tx instanceof ClaimTx c && k == 0) {
            return Optional.of(new Output(Hash160.addressOf(c.inputKey()), c.amount()));
        }
        return Optional.empty();
    }

    /**
     * {@code check_simple_input}: the output {@code outputIndex} of {@code inputTx} that {@code spender}
     * spends, if it exists and was paid to the address of the spender's input key; empty means
     * INPUT_BAD. All inputs being paid to the signer is what pins a tx to one home shard. Not for
     * CLAIM inputs, which name a reward tx instead ({@link Rewards}).
     */
    public static Optional<Output> checkSimpleInput(TransferTx spender, Tx inputTx, int outputIndex) {
        Address mine = Hash160.addressOf(spender.inputKey());
        return findOutput(inputTx, outputIndex).filter(out -> out.address().equals(mine));
    }
}
