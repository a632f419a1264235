package org.pettycoin.cli;

import org.pettycoin.consensus.TxHashes;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.crypto.PrivateKeyCodec;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.TxCodec;

/** Parsing of the arguments pettycoin-tx takes, with one-line errors. */
final class TxArgs {
    private static final String RAW_PREFIX = "raw:";

    private TxArgs() {}

    /** A private key in any style, which must be for the test network (as pettycoin-tx demands). */
    static PrivateKey key(String text) {
        PrivateKeyCodec.Decoded d = PrivateKeyCodec.decode(text.strip())
                .orElseThrow(() -> new UserError("invalid private key (expected a compressed WIF key)"));
        if (!d.style().testNet()) {
            throw new UserError("private key is not for the test network");
        }
        return d.key();
    }

    /** A test-network address in either form. */
    static Address address(String text, String what) {
        AddressCodec.Decoded d = AddressCodec.decode(text.strip())
                .orElseThrow(() -> new UserError(what + " is not a valid address: '" + text + "'"));
        if (!d.style().testNet()) {
            throw new UserError(what + " is not a test-network address: '" + text + "'");
        }
        return d.address();
    }

    /** An amount in satoshi: 0 to PROTOCOL_MAX_SATOSHI, which is all the network accepts in one field. */
    static long amount(String text, String what) {
        try {
            long v = Long.parseLong(text.strip());
            if (v >= 0 && v <= Protocol.MAX_SATOSHI) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError(
                what + " must be a whole number of satoshi from 0 to " + Protocol.MAX_SATOSHI + ": '" + text + "'");
    }

    /** {@code <txid>[/<out>]} or {@code raw:<tx hex>[/<out>]}; the output defaults to 0. */
    static Input input(String text) {
        String spec = text.strip();
        int output = 0;
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            try {
                output = Integer.parseInt(spec.substring(slash + 1));
            } catch (NumberFormatException e) {
                output = -1;
            }
            if (output < 0 || output > 0xffff) {
                throw new UserError("output number must be from 0 to 65535: '" + text + "'");
            }
            spec = spec.substring(0, slash);
        }
        return new Input(txid(spec, text), output);
    }

    private static Hash256 txid(String spec, String original) {
        try {
            if (spec.startsWith(RAW_PREFIX)) {
                return TxHashes.txid(TxCodec.decode(Hex.decode(spec.substring(RAW_PREFIX.length()))));
            }
            return Hash256.fromHex(spec);
        } catch (IllegalArgumentException e) {
            throw new UserError("bad input '" + original + "': " + e.getMessage());
        } catch (ProtocolException e) {
            throw new UserError("bad raw transaction in '" + original + "': " + e.getMessage());
        }
    }
}
