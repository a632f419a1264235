package org.pettycoin.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.pettycoin.protocol.Address;

class Base58Test {
    @Test
    void leadingZeroBytesBecomeOnes() {
        assertThat(Base58.encode(new byte[] {0, 0, 1})).isEqualTo("112");
        assertThat(Base58.encode(new byte[0])).isEmpty();
    }

    @Property
    void addressesRoundTripInEveryStyle(@ForAll @Size(20) byte[] raw) {
        Address a = Address.of(raw);
        for (AddressStyle style : AddressStyle.values()) {
            AddressCodec.Decoded d =
                    AddressCodec.decode(AddressCodec.encode(a, style)).orElseThrow();
            assertThat(d.address()).isEqualTo(a);
            assertThat(d.style()).isEqualTo(style);
        }
    }

    @Property
    void keysRoundTripInEveryStyle(@ForAll @Size(32) byte[] raw) {
        raw[0] &= 0x7f; // below n
        raw[31] |= 1; // not zero
        PrivateKey k = PrivateKey.of(raw);
        for (AddressStyle style : AddressStyle.values()) {
            PrivateKeyCodec.Decoded d =
                    PrivateKeyCodec.decode(PrivateKeyCodec.encode(k, style)).orElseThrow();
            assertThat(d.key()).isEqualTo(k);
            assertThat(d.style()).isEqualTo(style);
        }
    }

    @Property
    void arbitraryStringsNeverThrow(@ForAll @StringLength(max = 200) String s) {
        AddressCodec.decode(s);
        PrivateKeyCodec.decode(s);
        AddressCodec.decode("P-" + s);
    }
}
