package org.pettycoin.consensus;

import java.util.List;
import org.pettycoin.crypto.Sha256;
import org.pettycoin.protocol.ByteWriter;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.Signature;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;
import org.pettycoin.protocol.TxRefHash;

/** Transaction hashes (C's hash_tx.c, signature.c): txid, refhash, the signed digest. */
public final class TxHashes {
    private TxHashes() {}

    /** SHA256d of the whole marshalled tx, signature included, refs excluded. */
    public static Hash256 txid(Tx tx) {
        return Sha256.doubleSha256(TxCodec.encode(tx));
    }

    /** SHA256d of the refs bytes (of the empty string when a tx has no inputs). */
    public static Hash256 refhash(List<InputRef> refs) {
        return Sha256.doubleSha256(TxCodec.encodeRefs(refs));
    }

    public static TxRefHash txRefHash(Tx tx, List<InputRef> refs) {
        return new TxRefHash(txid(tx), refhash(refs));
    }

    /**
     * The digest that is signed: SHA256d of the marshalled tx with its 64 signature bytes cut out
     * (removed, not zeroed), so trailing inputs or outputs are covered too.
     */
    public static Hash256 sighash(Tx tx) {
        byte[] bytes = TxCodec.encode(tx);
        int off = TxCodec.signatureOffset(tx);
        ByteWriter w = new ByteWriter(bytes.length - Signature.LENGTH);
        w.bytes(bytes, 0, off);
        w.bytes(bytes, off + Signature.LENGTH, bytes.length - off - Signature.LENGTH);
        return Sha256.doubleSha256(w.toByteArray());
    }
}
