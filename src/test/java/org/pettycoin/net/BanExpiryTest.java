package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestNodes.address;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.protocol.WelcomePacket;
import org.pettycoin.testing.TestNodes;
import org.pettycoin.time.ManualClock;
import org.pettycoin.time.MockTimeClock;

/**
 * A ban lasts ten minutes (Handshake's BAN_MILLIS) and then ends. The node runs on a manual clock,
 * so the test moves time on instead of waiting those ten minutes; bans are intervals, measured by
 * the monotonic reading, which the manual clock's advance moves.
 */
@Timeout(60)
class BanExpiryTest {
    private static final Duration BAN = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    @Test
    void aBannedNodeIsRefusedUntilTenMinutesHavePassedThenWelcomed() throws Exception {
        ManualClock time = new ManualClock(TestNodes.HOUR_AFTER_GENESIS);
        try (TestNodes nodes = new TestNodes(dir, new MockTimeClock(time))) {
            Node node = nodes.start("n");
            NodeUuid offender = HostileClient.randomUuid();
            try (HostileClient c = new HostileClient(address(node))) {
                c.send(welcome(offender));
                c.read(5000);
                c.sendBytes(new byte[] {8, 0, 0, 0, 99, 0, 0, 0});
                assertThat(c.errorCode(5000)).hasValue(ErrorCode.UNKNOWN_COMMAND.code());
            }

            time.advance(BAN.minusSeconds(1));
            try (HostileClient again = new HostileClient(address(node))) {
                again.send(welcome(offender));
                assertThat(again.closedWithin(5000))
                        .as("still banned a second before the end")
                        .isTrue();
            }

            time.advance(Duration.ofSeconds(1));
            try (HostileClient back = new HostileClient(address(node))) {
                back.send(welcome(offender));
                assertThat(back.read(5000)).containsInstanceOf(WelcomePacket.class);
            }
        }
    }

    private static WelcomePacket welcome(NodeUuid uuid) {
        return HostileClient.welcomePacket(uuid, 1, WelcomePacket.ALL_INTERESTS, Optional.empty());
    }
}
