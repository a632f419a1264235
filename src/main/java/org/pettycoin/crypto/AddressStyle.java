package org.pettycoin.crypto;

/**
 * The four ways to write a pettycoin address or private key (C's base58.c): pettycoin's own
 * version bytes, or bitcoin's behind a {@code "P-"} prefix ("a bitcoin address used on pettycoin"),
 * each for the main or the test network.
 */
public enum AddressStyle {
    PETTYCOIN_MAIN(false, false, 56, 142),
    PETTYCOIN_TEST(true, false, 120, 253),
    BITCOIN_MAIN(false, true, 0, 128),
    BITCOIN_TEST(true, true, 111, 239);

    /** The prefix that marks bitcoin-style strings. */
    public static final String BITCOIN_PREFIX = "P-";

    private final boolean testNet;
    private final boolean bitcoinStyle;
    private final int addressVersion;
    private final int keyVersion;

    AddressStyle(boolean testNet, boolean bitcoinStyle, int addressVersion, int keyVersion) {
        this.testNet = testNet;
        this.bitcoinStyle = bitcoinStyle;
        this.addressVersion = addressVersion;
        this.keyVersion = keyVersion;
    }

    public boolean testNet() {
        return testNet;
    }

    public boolean bitcoinStyle() {
        return bitcoinStyle;
    }

    int addressVersion() {
        return addressVersion;
    }

    int keyVersion() {
        return keyVersion;
    }

    /** The style for a network and a form. */
    public static AddressStyle of(boolean testNet, boolean bitcoinStyle) {
        for (AddressStyle s : values()) {
            if (s.testNet == testNet && s.bitcoinStyle == bitcoinStyle) {
                return s;
            }
        }
        throw new AssertionError("all four combinations exist");
    }

    /** The same network in the other form (what petty-addr converts to). */
    public AddressStyle otherForm() {
        return of(testNet, !bitcoinStyle);
    }

    /** Splits off the "P-" prefix of a bitcoin-style string (only when more follows, as C). */
    static boolean isBitcoinStyle(String s) {
        return s.length() > BITCOIN_PREFIX.length() && s.startsWith(BITCOIN_PREFIX);
    }
}
