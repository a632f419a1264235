package org.pettycoin.crypto;

import java.util.Arrays;
import java.util.Optional;
import org.pettycoin.protocol.Address;

/** Address strings in the four styles, decoded exactly as {@code pettycoin_from_base58} (C's base58.c). */
public final class AddressCodec {
    private static final int PAYLOAD_LENGTH = 1 + Address.LENGTH + Base58.CHECKSUM_LENGTH;

    /** A decoded address and the style it was written in. */
    public record Decoded(Address address, AddressStyle style) {}

    private AddressCodec() {}

    public static String encode(Address address, AddressStyle style) {
        byte[] payload = new byte[1 + Address.LENGTH];
        payload[0] = (byte) style.addressVersion();
        address.copyTo(payload, 1);
        String s = Base58.encodeChecked(payload);
        return style.bitcoinStyle() ? AddressStyle.BITCOIN_PREFIX + s : s;
    }

    /** The address a string denotes, or empty if it is not a valid address in any style. */
    public static Optional<Decoded> decode(String text) {
        boolean bitcoin = AddressStyle.isBitcoinStyle(text);
        String digits = bitcoin ? text.substring(AddressStyle.BITCOIN_PREFIX.length()) : text;
        Optional<byte[]> buf = Base58.decodeNumber(digits).flatMap(n -> Base58.leftPad(n, PAYLOAD_LENGTH));
        if (buf.isEmpty() || !Base58.checksumOk(buf.get())) {
            return Optional.empty();
        }
        int version = buf.get()[0] & 0xff;
        for (boolean test : new boolean[] {true, false}) {
            AddressStyle style = AddressStyle.of(test, bitcoin);
            if (style.addressVersion() == version) {
                return Optional.of(
                        new Decoded(Address.of(Arrays.copyOfRange(buf.get(), 1, 1 + Address.LENGTH)), style));
            }
        }
        return Optional.empty();
    }
}
