package org.pettycoin.consensus;

import java.util.List;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.crypto.Secp256k1;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.ClaimTx;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.PublicKey;
import org.pettycoin.protocol.Signature;
import org.pettycoin.protocol.ToGatewayTx;
import org.pettycoin.protocol.Tx;

/**
 * Creating and checking transaction signatures (C's signature.c sign_tx, create_tx.c): the signer's compressed
 * key goes into the tx, then the digest of everything but the signature field is signed with the
 * even-S rule. Creators write {@code features} and every {@code unused} field as 0.
 *
 * <p>Verification first asks its {@link VerifiedSignatures}: a signature found valid before (by the
 * signature pool, or when the tx came loose) is not verified again. Thread-safe.
 */
public final class TxSigning {
    private final Secp256k1 secp;
    private final VerifiedSignatures verified;

    public TxSigning(Secp256k1 secp, VerifiedSignatures verified) {
        this.secp = secp;
        this.verified = verified;
    }

    /** With a cache of its own. */
    public TxSigning(Secp256k1 secp) {
        this(secp, new VerifiedSignatures());
    }

    public TxSigning() {
        this(Secp256k1.get());
    }

    /** {@code check_tx_sign}: the tx's signature is valid for its signing key. */
    public boolean verify(Tx tx) {
        Hash256 digest = TxHashes.sighash(tx);
        if (verified.contains(digest, tx.signature())) {
            return true;
        }
        boolean ok = secp.verify(tx.signingKey(), digest, tx.signature());
        if (ok) {
            verified.add(digest, tx.signature());
        }
        return ok;
    }

    /** The signatures this verifier found valid. */
    public VerifiedSignatures verified() {
        return verified;
    }

    public Tx sign(Tx unsigned, PrivateKey key) {
        return unsigned.withSignature(secp.sign(key, TxHashes.sighash(unsigned)));
    }

    public FromGatewayTx fromGateway(PrivateKey gateway, List<GatewayPayment> outputs, boolean paysFee) {
        return (FromGatewayTx) sign(new FromGatewayTx(paysFee, 0, pub(gateway), 0, Signature.ZERO, outputs), gateway);
    }

    public NormalTx normal(PrivateKey from, Address to, long send, long change, List<Input> inputs, boolean paysFee) {
        return (NormalTx) sign(new NormalTx(paysFee, 0, pub(from), to, send, change, Signature.ZERO, inputs), from);
    }

    public ToGatewayTx toGateway(
            PrivateKey from, Address gateway, long send, long change, List<Input> inputs, boolean paysFee) {
        return (ToGatewayTx)
                sign(new ToGatewayTx(paysFee, 0, pub(from), gateway, send, change, Signature.ZERO, inputs), from);
    }

    /**
     * A claim on a block reward. {@code rewardInput.output()} must be one past the reward tx's
     * outputs plus one to be accepted (C's check_claim_input, docs/c-differences.md #4); the caller chooses it.
     */
    public ClaimTx claim(PrivateKey claimer, long amount, Input rewardInput, boolean paysFee) {
        return (ClaimTx) sign(new ClaimTx(paysFee, 0, pub(claimer), amount, rewardInput, Signature.ZERO), claimer);
    }

    private PublicKey pub(PrivateKey key) {
        return secp.publicKeyOf(key);
    }
}
