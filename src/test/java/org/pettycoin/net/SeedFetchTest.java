package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.protocol.ByteWriter;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.PeersPacket;
import org.pettycoin.protocol.StructCodec;
import org.pettycoin.protocol.WelcomePacket;

/** One question to a seed server on 127.0.0.1, and what each kind of answer gives. */
@Timeout(30)
class SeedFetchTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final NetAddress A = NetAddresses.of(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 8001), HostileClient.randomUuid(), 1_700_000_000L);

    @SuppressWarnings("AddressSelection") // a literal address: nothing is looked up
    private static final NetAddress B =
            NetAddresses.of(new InetSocketAddress("::1", 8002), HostileClient.randomUuid(), 1_700_000_001L);

    private static List<NetAddress> ask(byte[] answer) throws IOException {
        try (SeedServer seed = new SeedServer(answer)) {
            return SeedFetch.ask(new DnsSeed("localhost", seed.port()), TIMEOUT, TIMEOUT, 1_800_000_000L);
        }
    }

    /** A frame of {@code type} around raw 40-byte records, as C's DNS helper writes its answer (type 0). */
    private static byte[] rawRecords(int type, NetAddress... records) {
        ByteWriter w = new ByteWriter();
        w.u32(8 + 40L * records.length).u32(type);
        for (NetAddress a : records) {
            StructCodec.encodeNetAddress(a, w);
        }
        return w.toByteArray();
    }

    @Test
    void aPeersPacketGivesItsAddresses() throws IOException {
        assertThat(ask(PacketCodec.encode(new PeersPacket(List.of(A, B))))).containsExactly(A, B);
    }

    @Test
    void anyOtherPacketOfWholeRecordsIsReadAsAddressesAsCReadsIt() throws IOException {
        assertThat(ask(rawRecords(0, A, B))).containsExactly(A, B);
    }

    @Test
    void aSeedThatIsANodeIsItselfTheAddressFound() throws IOException {
        NodeUuid uuid = HostileClient.randomUuid();
        WelcomePacket w = HostileClient.welcomePacket(uuid, 1, WelcomePacket.ALL_INTERESTS, Optional.empty());
        try (SeedServer seed = new SeedServer(PacketCodec.encode(w))) {
            List<NetAddress> got = SeedFetch.ask(new DnsSeed("localhost", seed.port()), TIMEOUT, TIMEOUT, 123);
            assertThat(got)
                    .containsExactly(NetAddresses.of(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), seed.port()), uuid, 123));
        }
    }

    @Test
    void anythingElseIsAClearFailure() {
        assertThatThrownBy(() -> ask(new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("closed without sending");
        byte[] odd = new byte[8 + 39];
        odd[0] = (byte) odd.length;
        assertThatThrownBy(() -> ask(odd)).isInstanceOf(IOException.class).hasMessageContaining("no list of addresses");
        byte[] huge = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f, 0, 0, 0, 0};
        assertThatThrownBy(() -> ask(huge)).isInstanceOf(IOException.class).hasMessageContaining("bad packet");
    }

    @Test
    void aSeedNobodyListensOnFails() throws IOException {
        int port;
        try (SeedServer gone = new SeedServer(new byte[0])) {
            port = gone.port();
        }
        assertThatThrownBy(() -> SeedFetch.ask(new DnsSeed("localhost", port), TIMEOUT, TIMEOUT, 0))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(":" + port);
    }
}
