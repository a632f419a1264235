package org.pettycoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pettycoin.crypto.Sha256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.InputRef;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.TxCodec;

/** Tx ids and signed digests of the transactions the C node's tools made (transactions.txt). */
class TxHashesTest {
    @Test
    void txidsMatchTheCNode() throws Exception {
        Map<String, Map<String, String>> txs = sections();
        int checked = 0;
        for (Map<String, String> t : txs.values()) {
            if (!t.containsKey("hex")) {
                continue;
            }
            Tx tx = TxCodec.decode(Hex.decode(t.get("hex")));
            assertThat(TxHashes.txid(tx).hex()).isEqualTo(t.get("txid"));
            checked++;
        }
        assertThat(checked).as("TX1-TX4 of runs A and B").isEqualTo(8);
    }

    @Test
    void sighashCutsOutTheSignature() throws ProtocolException, IOException {
        byte[] bytes = Hex.decode(sections().get("TX2").get("hex"));
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

    static Map<String, Map<String, String>> sections() throws IOException {
        Path file = Path.of(System.getProperty("pettycoin.vectors", "../shared/vectors"), "transactions.txt");
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("[")) {
                current = new LinkedHashMap<>();
                out.put(line.substring(1, line.indexOf(']')), current);
            } else if (current != null && line.contains("=") && !line.startsWith("#")) {
                current.putIfAbsent(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1).trim());
            }
        }
        return out;
    }
}
