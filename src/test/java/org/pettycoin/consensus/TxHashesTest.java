package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pettycoin.crypto.Sha256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;
import org.pettycoin.protocol.Vectors;

/** Tx ids and signed digests of the transactions the C node's tools made (transactions.txt). */
class TxHashesTest {
    @Test
    void txidsMatchTheCNode() throws Exception {
        int checked = 0;
        for (Vectors.Section t : Vectors.sections("transactions.txt").values()) {
            if (t.all("hex").isEmpty()) {
                continue;
            }
            Tx tx = TxCodec.decode(Hex.decode(t.get("hex")));
            assertThat(TxHashes.txid(tx).hex()).isEqualTo(t.get("txid"));
            checked++;
        }
        assertThat(checked).as("TX1-TX4 of runs A and B").isEqualTo(8);
    }

    @Test
    void sighashCutsOutTheSignature() throws ProtocolException {
        byte[] bytes =
                Hex.decode(Vectors.sections("transactions.txt").get("TX2").get("hex"));
        Tx tx = TxCodec.decode(bytes);
        byte[] cut = new byte[bytes.length - 64];
        System.arraycopy(bytes, 0, cut, 0, 68);
        System.arraycopy(bytes, 132, cut, 68, bytes.length - 132);
        assertThat(TxHashes.sighash(tx)).isEqualTo(Sha256.doubleSha256(cut));
        // The signature does not change the digest; anything else does.
        assertThat(TxHashes.sighash(tx.withSignature(org.pettycoin.protocol.Signature.ZERO)))
                .isEqualTo(TxHashes.sighash(tx));
    }

    @Test
    void refhashOfNoRefsIsTheEmptyHash() {
        assertThat(TxHashes.refhash(List.of()).hex())
                .isEqualTo("5df6e0e2761359d30a8275058e299fcc0381534545f55cf43e41983f5d4c9456");
        assertThat(TxHashes.refhash(List.of(new InputRef(1, 1, 0))))
                .isEqualTo(Sha256.doubleSha256(Hex.decode("0100000001000000")));
    }
}
