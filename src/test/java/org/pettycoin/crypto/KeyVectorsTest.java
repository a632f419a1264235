package org.pettycoin.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.PublicKey;
import org.pettycoin.protocol.Vectors;

/** Every key of keys.txt, dumped by the C node's own key_to_base58 / pubkey_to_addr / pettycoin_to_base58. */
class KeyVectorsTest {
    private static final Map<String, Vectors.Section> KEYS = Vectors.sections("keys.txt");

    @Test
    void everyKeyAndAddressStringMatchesTheCNode() {
        assertThat(KEYS).hasSize(7);
        for (Vectors.Section s : KEYS.values()) {
            PrivateKey key = PrivateKey.of(Hex.decode(s.get("privkey_raw")));
            for (Secp256k1 impl : new Secp256k1[] {Secp256k1.get(), Secp256k1.bouncyCastle()}) {
                assertThat(impl.publicKeyOf(key).hex())
                        .as("%s %s", s.name(), impl.name())
                        .isEqualTo(s.get("pubkey"));
            }
            Address address = Hash160.addressOf(PublicKey.fromHex(s.get("pubkey")));
            assertThat(address.hex()).isEqualTo(s.get("address_raw"));
            checkAddress(s.get("address_testnet_pettycoin"), address, AddressStyle.PETTYCOIN_TEST);
            checkAddress(s.get("address_testnet_bitcoinstyle"), address, AddressStyle.BITCOIN_TEST);
            checkAddress(s.get("address_mainnet_pettycoin"), address, AddressStyle.PETTYCOIN_MAIN);
            checkAddress(s.get("address_mainnet_bitcoinstyle"), address, AddressStyle.BITCOIN_MAIN);
            checkKey(s.get("privkey_base58_testnet_pettycoin"), key, AddressStyle.PETTYCOIN_TEST);
            checkKey(s.get("privkey_base58_testnet_bitcoinstyle"), key, AddressStyle.BITCOIN_TEST);
            checkKey(s.get("privkey_base58_mainnet_pettycoin"), key, AddressStyle.PETTYCOIN_MAIN);
        }
    }

    @Test
    void specSectionFiveSevenVectors() {
        PrivateKeyCodec.Decoded wif = PrivateKeyCodec.decode("P-cRhETWFwVpi7q8Vjs7KqvYYGZC5htvT3ddnd9hJk5znSohTBHRkT")
                .orElseThrow();
        assertThat(Hex.encode(wif.key().toByteArray()))
                .isEqualTo("7ab5a071b1f1824a7530f4ab70614e4e0160b305741a67a8dea31f14f5ea5700");
        assertThat(wif.style()).isEqualTo(AddressStyle.BITCOIN_TEST);
        PublicKey pub = Secp256k1.get().publicKeyOf(wif.key());
        assertThat(pub.hex()).isEqualTo("03d94a9c35e6363950aa47d9fd0745e699ce56494f6ade9d79b5ea9b7b99a6ae70");
        Address a = Hash160.addressOf(pub);
        assertThat(a.hex()).isEqualTo("9ec388bb23fed48385b953b313bdd499b508c583");
        assertThat(AddressCodec.encode(a, AddressStyle.BITCOIN_TEST)).isEqualTo("P-muzRJJzenB7uKzokx21W2QGobfDEZfiH1u");
        assertThat(AddressCodec.encode(a, AddressStyle.PETTYCOIN_TEST)).isEqualTo("qY2rAHgFAoHngu4YAo1NPXitGCXiwHT8zW");
        assertThat(AddressCodec.encode(a, AddressStyle.PETTYCOIN_MAIN)).isEqualTo("PnQF9LbojFdiMA8zbwgyMWJXyv3MW2XJnU");
        assertThat(PrivateKeyCodec.encode(wif.key(), AddressStyle.PETTYCOIN_TEST))
                .isEqualTo("eVp4TmJXwyY3UNgVcArM4ys63GtqanFDupWSz4A4xhLQkLCu7cVs");
        assertThat(PrivateKeyCodec.encode(wif.key(), AddressStyle.PETTYCOIN_MAIN))
                .isEqualTo("N5T4zrJgWuqnJwDEDm3DhfN2R3bRvL9XqnMysdhZTagQVb8EMeUd");
        assertThat(a.shard(2)).isEqualTo(2);
        assertThat(a.shard(16)).isEqualTo(40643);
        Address ff = Address.fromHex("ff".repeat(20));
        assertThat(AddressCodec.encode(ff, AddressStyle.PETTYCOIN_MAIN))
                .isEqualTo("PwGP8BzRUHQwchwwPuzAe9WqskgmTLNx8F");
        assertThat(AddressCodec.encode(ff, AddressStyle.PETTYCOIN_TEST))
                .isEqualTo("qgtz994ruq51xSsUxmJZgAwCA3B8vJ2apQ");
    }

    @Test
    void decodingQuirks() {
        String btc = AddressCodec.encode(Address.ZERO, AddressStyle.BITCOIN_MAIN);
        assertThat(btc).startsWith("P-1111");
        // Version 0 survives through left-padding; extra leading '1's are tolerated (value-based).
        assertThat(AddressCodec.decode(btc).orElseThrow().address()).isEqualTo(Address.ZERO);
        assertThat(AddressCodec.decode("P-1" + btc.substring(2))).isPresent();
        // A pettycoin version behind "P-" (or the reverse) is refused.
        String petty = AddressCodec.encode(Address.ZERO, AddressStyle.PETTYCOIN_TEST);
        assertThat(AddressCodec.decode("P-" + petty)).isEmpty();
        assertThat(AddressCodec.decode(btc.substring(2))).isEmpty();
        // Checksum, alphabet, length.
        assertThat(AddressCodec.decode(petty.substring(0, petty.length() - 1) + "2"))
                .isEmpty();
        assertThat(AddressCodec.decode("q0OIl")).isEmpty();
        assertThat(AddressCodec.decode("")).isEmpty();
        assertThat(AddressCodec.decode("P-")).isEmpty();
        assertThat(AddressCodec.decode("z".repeat(60))).isEmpty();
        // The bare bitcoin WIF of pettycoin-tx's comments is refused without "P-" (C's base58.c key_from_base58).
        assertThat(PrivateKeyCodec.decode("cTQSBNmMkbCUdFetsnSfzdAiJcdngQsKLyYWVTKgm6fE9GLN74qR"))
                .isEmpty();
        assertThat(PrivateKeyCodec.decode("P-cTQSBNmMkbCUdFetsnSfzdAiJcdngQsKLyYWVTKgm6fE9GLN74qR"))
                .isPresent();
    }

    @Test
    void uncompressedWifIsRefused() {
        // version 239 ‖ key ‖ checksum: 37 bytes, the uncompressed form.
        byte[] payload = new byte[33];
        payload[0] = (byte) 239;
        payload[32] = 1;
        assertThat(PrivateKeyCodec.decode("P-" + Base58.encodeChecked(payload))).isEmpty();
    }

    private static void checkAddress(String text, Address address, AddressStyle style) {
        assertThat(AddressCodec.encode(address, style)).isEqualTo(text);
        AddressCodec.Decoded d = AddressCodec.decode(text).orElseThrow();
        assertThat(d.address()).isEqualTo(address);
        assertThat(d.style()).isEqualTo(style);
    }

    private static void checkKey(String text, PrivateKey key, AddressStyle style) {
        assertThat(PrivateKeyCodec.encode(key, style)).isEqualTo(text);
        PrivateKeyCodec.Decoded d = PrivateKeyCodec.decode(text).orElseThrow();
        assertThat(d.key()).isEqualTo(key);
        assertThat(d.style()).isEqualTo(style);
    }
}
