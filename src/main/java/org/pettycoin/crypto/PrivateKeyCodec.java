package org.pettycoin.crypto;

import java.util.Arrays;
import java.util.Optional;

/**
 * Private key strings (WIF) in the four styles, decoded exactly as {@code key_from_base58}: always
 * the compressed form, version ‖ key ‖ 0x01 ‖ checksum (C's base58.c).
 */
public final class PrivateKeyCodec {
    private static final int PAYLOAD_LENGTH = 1 + PrivateKey.LENGTH + 1 + Base58.CHECKSUM_LENGTH;
    private static final int COMPRESSED_MARKER = 1;

    /** A decoded key and the style it was written in. */
    public record Decoded(PrivateKey key, AddressStyle style) {}

    private PrivateKeyCodec() {}

    public static String encode(PrivateKey key, AddressStyle style) {
        byte[] payload = new byte[1 + PrivateKey.LENGTH + 1];
        payload[0] = (byte) style.keyVersion();
        System.arraycopy(key.toByteArray(), 0, payload, 1, PrivateKey.LENGTH);
        payload[1 + PrivateKey.LENGTH] = COMPRESSED_MARKER;
        String s = Base58.encodeChecked(payload);
        return style.bitcoinStyle() ? AddressStyle.BITCOIN_PREFIX + s : s;
    }

    /** The key a string denotes, or empty if it is not a valid compressed-key WIF in any style. */
    public static Optional<Decoded> decode(String text) {
        boolean bitcoin = AddressStyle.isBitcoinStyle(text);
        String digits = bitcoin ? text.substring(AddressStyle.BITCOIN_PREFIX.length()) : text;
        // Exactly 38 bytes as a number: the uncompressed form (37) is refused, as in C.
        Optional<byte[]> decoded =
                Base58.decodeNumber(digits).map(Base58::unsignedBytes).filter(b -> b.length == PAYLOAD_LENGTH);
        if (decoded.isEmpty()
                || !Base58.checksumOk(decoded.get())
                || decoded.get()[1 + PrivateKey.LENGTH] != COMPRESSED_MARKER) {
            return Optional.empty();
        }
        byte[] buf = decoded.get();
        int version = buf[0] & 0xff;
        for (boolean test : new boolean[] {true, false}) {
            AddressStyle style = AddressStyle.of(test, bitcoin);
            if (style.keyVersion() == version) {
                try {
                    return Optional.of(
                            new Decoded(PrivateKey.of(Arrays.copyOfRange(buf, 1, 1 + PrivateKey.LENGTH)), style));
                } catch (IllegalArgumentException outOfRange) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
