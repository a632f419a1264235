package org.pettycoin.consensus;

import java.util.List;
import java.util.Optional;
import org.pettycoin.consensus.TxOutputs.Output;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.TransferTx;
import org.pettycoin.protocol.Tx;

/**
 * Proof that a tx's inputs are wrong, given the input txs themselves (recv_complain.c
 * verify_problem_input and unmarshal_and_check_bad_amount). Shared by the block complaints
 * TX_BAD_INPUT and TX_BAD_AMOUNT (recv_complain_tx_bad_input, …_bad_amount) and the pending-tx
 * notices of the same names (peer.c recv_tx_bad_input, …_bad_amount), which C checks with the same
 * code. Double spends are not looked at here.
 */
final class InputProblems {
    private final TxChecks txChecks;

    InputProblems(TxChecks txChecks) {
        this.txChecks = txChecks;
    }

    /**
     * {@code check_tx(input, NULL)}: an input tx travels bare, outside any block, so it is checked as a
     * loose tx even when the spender is in a block (C's FIXME: wrong shard order for old gateway txs).
     */
    void checkInputTx(Tx input) throws ProtocolException {
        txChecks.checkPending(input);
    }

    /**
     * {@code verify_problem_input}: {@code input} is the tx that input {@code inputNum} of {@code tx}
     * spends; the output it spends to the signer, or empty if the input is bad (no such output, or paid
     * to another address).
     *
     * @throws ProtocolException BAD_INPUTNUM if there is no such input or {@code tx} is a claim (whose
     *     input names a reward tx, not an output); BAD_INPUT if {@code input} is not the tx named
     */
    static Optional<Output> spentOutput(Tx tx, long inputNum, Tx input) throws ProtocolException {
        Input named = input(tx, inputNum);
        if (!(tx instanceof TransferTx spender)) {
            throw new ProtocolException(ErrorCode.BAD_INPUTNUM, "a " + tx.type() + " input cannot be complained of");
        }
        if (!TxHashes.txid(input).equals(named.txid())) {
            throw new ProtocolException(
                    ErrorCode.BAD_INPUT, "input " + inputNum + " spends " + named.txid() + ", not the tx given");
        }
        return TxOutputs.checkSimpleInput(spender, input, named.output());
    }

    /**
     * The inputs of {@code tx}, given one per input in order, are all good, yet do not pay what
     * {@code tx} sends plus its fee. We use {@code correct_amount}, fee included; C compares with the
     * amount sent alone, so it condemns a correctly fee-paying tx (docs/c-differences.md #22).
     *
     * @throws ProtocolException BAD_INPUTNUM for a tx without inputs or a claim, an input tx's
     *     {@code check_tx} ecode, BAD_INPUT for a wrong or bad input, COMPLAINT_INVALID if the amounts
     *     are right
     */
    void checkBadAmount(Tx tx, List<Tx> inputs) throws ProtocolException {
        if (tx.inputs().isEmpty()) {
            throw new ProtocolException(ErrorCode.BAD_INPUTNUM, "a tx without inputs cannot pay a wrong amount");
        }
        long total = 0;
        for (int i = 0; i < inputs.size(); i++) {
            checkInputTx(inputs.get(i));
            int n = i;
            total += spentOutput(tx, i, inputs.get(i))
                    .orElseThrow(() -> new ProtocolException(
                            ErrorCode.BAD_INPUT, "input " + n + " is bad: complain of that instead"))
                    .amount();
        }
        if (TxAmounts.correctAmount(tx, total)) {
            throw new ProtocolException(
                    ErrorCode.COMPLAINT_INVALID,
                    "inputs " + total + " pay exactly " + TxAmounts.amountSent(tx) + " plus fee " + TxAmounts.fee(tx));
        }
    }

    /** Input {@code n} (a u32 from the wire) of {@code tx}: BAD_INPUTNUM if it has none. */
    static Input input(Tx tx, long n) throws ProtocolException {
        if (n >= tx.inputs().size()) {
            throw new ProtocolException(
                    ErrorCode.BAD_INPUTNUM, "input " + n + " of " + tx.inputs().size());
        }
        return tx.inputs().get((int) n);
    }
}
