package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.Interests;
import org.pettycoin.protocol.NodeUuid;

/**
 * Bans cost memory only while they last, and only so much: the wire fuzzer, a new uuid per
 * connection, found that every ban was kept for ever, ended or not, so a peer that broke the rules
 * under ever new uuids grew the node's heap without bound.
 */
class BanMemoryTest {
    private static final long BAN_MILLIS = 10 * 60 * 1000L;

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Handshake handshake = new Handshake(HostileClient.randomUuid(), Interests.ALL, now::get);

    @Test
    void endedBansAreForgotten() {
        for (int i = 0; i < 1000; i++) {
            handshake.ban(HostileClient.randomUuid());
        }
        assertThat(handshake.bansHeld()).isEqualTo(1000);

        now.addAndGet(BAN_MILLIS);
        NodeUuid late = HostileClient.randomUuid();
        handshake.ban(late);

        assertThat(handshake.bansHeld()).isEqualTo(1);
        assertThat(handshake.isBanned(late)).isTrue();
    }

    @Test
    void aFloodOfFreshUuidsKeepsOnlyTheNewestBans() {
        NodeUuid first = HostileClient.randomUuid();
        handshake.ban(first);
        NodeUuid last = first;
        for (int i = 0; i < Handshake.MAX_BANNED + 100; i++) {
            last = HostileClient.randomUuid();
            handshake.ban(last);
        }
        assertThat(handshake.bansHeld()).isEqualTo(Handshake.MAX_BANNED);
        assertThat(handshake.isBanned(last)).isTrue();
        assertThat(handshake.isBanned(first)).as("the oldest, forgotten early").isFalse();
    }

    @Test
    void aBanRenewedLastsFromItsRenewal() {
        NodeUuid again = HostileClient.randomUuid();
        handshake.ban(again);
        now.addAndGet(BAN_MILLIS - 1000);
        handshake.ban(again);
        for (int i = 0; i < 10; i++) {
            handshake.ban(HostileClient.randomUuid());
        }
        now.addAndGet(2000);
        handshake.ban(HostileClient.randomUuid());

        assertThat(handshake.isBanned(again)).as("renewed 2 s ago").isTrue();
        assertThat(handshake.bansHeld()).isEqualTo(12);
    }
}
