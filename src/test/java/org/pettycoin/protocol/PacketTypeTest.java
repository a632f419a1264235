package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacketTypeTest {
    @Test
    void numbersAndNamesFollowProtocolNetH() {
        assertThat(PacketType.values()).hasSize(33);
        for (PacketType t : PacketType.values()) {
            @SuppressWarnings("EnumOrdinal") // the point: declared in code order, so values() is the code table
            int index = t.ordinal();
            assertThat(t.code()).isEqualTo(index);
            assertThat(PacketType.fromCode(t.code())).contains(t);
        }
        assertThat(PacketType.BLOCK.code()).isEqualTo(8);
        assertThat(PacketType.TX_IN_BLOCK.code()).isEqualTo(15);
        assertThat(PacketType.PIGGYBACK.code()).isEqualTo(31);
        assertThat(PacketType.BLOCK.cName()).isEqualTo("PROTOCOL_PKT_BLOCK");
        assertThat(PacketType.fromCode(33)).isEmpty();
        assertThat(PacketType.fromCode(-1)).isEmpty();
    }
}
