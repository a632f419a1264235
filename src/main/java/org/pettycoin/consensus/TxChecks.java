package org.pettycoin.consensus;

import java.util.List;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.ToGatewayTx;
import org.pettycoin.protocol.TransferTx;
import org.pettycoin.protocol.Tx;

/**
 * {@code check_tx} (C's check_tx.c): what a tx must satisfy on its own, before its
 * inputs, refs or place in a block are looked at. Checks run in the C node's order and the first
 * failure is reported with the C node's ecode, so a peer gets exactly the error a C node would send.
 *
 * <p>The version check ({@code TX_HIGH_VERSION}) is not repeated here: a tx whose version is not 1
 * never decodes into a {@link Tx}.
 */
public final class TxChecks {
    /**
     * Shard order for the from-gateway cross-shard check of a tx outside any block: C uses
     * {@code next_shard_order(longest_knowns[0])}, which is always PROTOCOL_INITIAL_SHARD_ORDER.
     */
    public static final int PENDING_SHARD_ORDER = Protocol.INITIAL_SHARD_ORDER;

    private final TxSigning signing;
    private final GatewayPolicy gateways;

    public TxChecks(TxSigning signing, GatewayPolicy gateways) {
        this.signing = signing;
        this.gateways = gateways;
    }

    /** The signature checks these use, with their cache of verified signatures. */
    public TxSigning signing() {
        return signing;
    }

    /** The test network's rules with the default signature implementation. */
    public TxChecks() {
        this(new TxSigning(), GatewayPolicy.TESTNET_ACCEPT_ALL);
    }

    /** {@code check_tx(tx, NULL)}: a loose tx (pending pool, {@code PKT_TX}, RPC). */
    public void checkPending(Tx tx) throws ProtocolException {
        check(tx, PENDING_SHARD_ORDER);
    }

    /**
     * {@code check_tx(tx, block)} where {@code shardOrder} is the containing block's shard order
     * (or {@link #PENDING_SHARD_ORDER} outside a block).
     *
     * @throws ProtocolException with the first rule broken
     * @throws IllegalArgumentException if {@code shardOrder} is outside 0..16 (headers never carry one)
     */
    public void check(Tx tx, int shardOrder) throws ProtocolException {
        if (tx instanceof TransferTx t) {
            checkTransfer(t);
            // C checks the gateway only once everything else, the signature included, has passed.
            if (t instanceof ToGatewayTx g && !gateways.accepts(g.toGatewayAddr())) {
                throw new ProtocolException(ErrorCode.TX_BAD_GATEWAY, "not a gateway: " + g.toGatewayAddr());
            }
        } else if (tx instanceof FromGatewayTx g) {
            checkFromGateway(g, shardOrder);
        } else {
            checkClaim((ClaimTx) tx);
        }
    }

    /** {@code check_tx_with_inputs_wellformed}: NORMAL and TO_GATEWAY. */
    private void checkTransfer(TransferTx tx) throws ProtocolException {
        requireAtMostMax(tx.sendAmount(), "send_amount");
        requireAtMostMax(tx.changeAmount(), "change_amount");
        // Both are at most MAX_SATOSHI here, so the u32 sum cannot wrap.
        if (tx.sendAmount() + tx.changeAmount() == 0) {
            throw new ProtocolException(ErrorCode.TX_TOO_SMALL, "sends nothing");
        }
        int inputs = tx.inputs().size();
        if (inputs > Protocol.TX_MAX_INPUTS) {
            throw new ProtocolException(ErrorCode.TX_TOO_MANY_INPUTS, inputs + " inputs");
        }
        // C reports no inputs with the same ecode as too many (docs/c-differences.md #5).
        if (inputs == 0) {
            throw new ProtocolException(ErrorCode.TX_TOO_MANY_INPUTS, "no inputs");
        }
        requireSignature(tx);
    }

    private void checkFromGateway(FromGatewayTx tx, int shardOrder) throws ProtocolException {
        if (!gateways.accepts(Hash160.addressOf(tx.gatewayKey()))) {
            throw new ProtocolException(ErrorCode.TX_BAD_GATEWAY, "not a gateway: " + tx.gatewayKey());
        }
        List<GatewayPayment> outputs = tx.outputs();
        // Deviation: C accepts no outputs, then reads output 0 past the tx (docs/c-differences.md #12).
        if (outputs.isEmpty()) {
            throw new ProtocolException(ErrorCode.TX_TOO_SMALL, "from-gateway tx with no outputs");
        }
        int shard = outputs.get(0).outputAddr().shard(shardOrder);
        for (int i = 0; i < outputs.size(); i++) {
            GatewayPayment out = outputs.get(i);
            if (out.outputAddr().shard(shardOrder) != shard) {
                throw new ProtocolException(
                        ErrorCode.TX_CROSS_SHARDS,
                        "output " + i + " is not in shard " + shard + " at order " + shardOrder);
            }
            requireAtMostMax(out.sendAmount(), "output " + i + " send_amount");
            if (out.sendAmount() == 0) {
                throw new ProtocolException(ErrorCode.TX_TOO_SMALL, "output " + i + " sends nothing");
            }
        }
        requireSignature(tx);
    }

    /** No check that the amount is non-zero: C has none (docs/c-differences.md #8). */
    private void checkClaim(ClaimTx tx) throws ProtocolException {
        requireAtMostMax(tx.amount(), "amount");
        requireSignature(tx);
    }

    private static void requireAtMostMax(long amount, String what) throws ProtocolException {
        if (amount > Protocol.MAX_SATOSHI) {
            throw new ProtocolException(ErrorCode.TX_TOO_LARGE, what + " " + amount + " > " + Protocol.MAX_SATOSHI);
        }
    }

    private void requireSignature(Tx tx) throws ProtocolException {
        if (!signing.verify(tx)) {
            throw new ProtocolException(ErrorCode.TX_BAD_SIG, "bad signature by " + tx.signingKey());
        }
    }
}
