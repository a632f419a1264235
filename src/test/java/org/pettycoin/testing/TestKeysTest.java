package org.pettycoin.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Protocol;

/** The fixtures' keys are the same every run, and a key asked for in a shard has its address there. */
class TestKeysTest {
    @Test
    void keysAndAddressesAreDeterministic() {
        assertThat(TestKeys.key(2)).isEqualTo(TestKeys.key(2)).isNotEqualTo(TestKeys.key(3));
        assertThat(TestKeys.address(TestKeys.key(2))).isEqualTo(TestKeys.address(TestKeys.key(2)));
        assertThat(TestKeys.filledAddress(0x5a)).isEqualTo(Address.fromHex("5a".repeat(20)));
        assertThat(AddressCodec.decode(TestKeys.text(TestKeys.key(2)))
                        .orElseThrow()
                        .address())
                .isEqualTo(TestKeys.address(TestKeys.key(2)));
    }

    @Test
    void aKeyInEachShard() {
        int order = Protocol.INITIAL_SHARD_ORDER;
        for (int shard = 0; shard < 1 << order; shard++) {
            assertThat(TestKeys.address(TestKeys.inShard(shard, order, 2)).shard(order))
                    .isEqualTo(shard);
        }
        assertThatThrownBy(() -> TestKeys.inShard(1 << order, order, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
