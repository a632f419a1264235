package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestNodes.address;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.Network;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockTailer;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.GetPeersPacket;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.protocol.WelcomePacket;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestNodes;

/** The welcome exchange's checks (C's check_welcome, welcome_received), each with the C node's answer. */
@Timeout(60)
class WelcomeChecksTest {
    @TempDir
    Path dir;

    private TestNodes nodes;
    private Node node;

    @BeforeEach
    void start() throws Exception {
        nodes = new TestNodes(dir, Network.REGTEST.genesisTimestamp() + 3600);
        node = nodes.start("n");
        TestNodes.mine(node, 5);
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    private long errorFor(WelcomePacket w) throws Exception {
        try (HostileClient c = new HostileClient(address(node))) {
            c.send(w);
            long code = c.errorCode(5000).orElseThrow();
            assertThat(c.closedWithin(5000)).isTrue();
            return code;
        }
    }

    @Test
    void aFirstPacketThatIsNotAWelcomeIsUnknownCommand() throws Exception {
        try (HostileClient c = new HostileClient(address(node))) {
            c.send(new GetPeersPacket());
            assertThat(c.errorCode(5000)).hasValue(ErrorCode.UNKNOWN_COMMAND.code());
        }
    }

    @Test
    void anotherVersionIsHighVersion() throws Exception {
        assertThat(errorFor(HostileClient.welcomePacket(
                        HostileClient.randomUuid(), 2, WelcomePacket.ALL_INTERESTS, Optional.empty())))
                .isEqualTo(ErrorCode.HIGH_VERSION.code());
    }

    @Test
    void fewerThanTwoInterestsIsNoInterest() throws Exception {
        byte[] one = new byte[WelcomePacket.INTERESTS_LENGTH];
        one[0] = 1;
        assertThat(errorFor(
                        HostileClient.welcomePacket(HostileClient.randomUuid(), 1, Bytes.of(one), Optional.empty())))
                .isEqualTo(ErrorCode.NO_INTEREST.code());
    }

    @Test
    void aWelcomeBlockWithoutProofOfWorkIsRefused() throws Exception {
        Block best = node.call(() -> node.state().miningHead().block());
        Block forged = new Block(
                best.header(),
                best.numTxs(),
                best.merkles(),
                best.prevTxhashes(),
                new BlockTailer(
                        best.tailer().timestamp(), 0x1d00ffff, best.tailer().nonce1()));
        assertThat(errorFor(HostileClient.welcomePacket(
                        HostileClient.randomUuid(), 1, WelcomePacket.ALL_INTERESTS, Optional.of(forged))))
                .isIn((long) ErrorCode.MALFORMED_DIFFICULTY.code(), (long) ErrorCode.BAD_DIFFICULTY.code(), (long)
                        ErrorCode.INSUFFICIENT_WORK.code());
    }

    @Test
    void aSecondConnectionFromTheSameNodeIsClosedWithoutError() throws Exception {
        NodeUuid same = HostileClient.randomUuid();
        try (HostileClient first = new HostileClient(address(node));
                HostileClient second = new HostileClient(address(node))) {
            first.send(HostileClient.welcomePacket(same, 1, WelcomePacket.ALL_INTERESTS, Optional.empty()));
            assertThat(first.read(5000)).containsInstanceOf(WelcomePacket.class);
            second.send(HostileClient.welcomePacket(same, 1, WelcomePacket.ALL_INTERESTS, Optional.empty()));
            assertThat(second.closedWithin(5000)).isTrue();
            assertThat(first.closedWithin(500)).as("the first stays").isFalse();
        }
    }

    @Test
    void aNodeThatDialsItselfHangsUpAndStopsDialling() throws Exception {
        node.connect(address(node));
        assertThat(Await.await(
                        Duration.ofSeconds(5),
                        () -> node.call(() -> node.network().peerCount()) == 0))
                .isTrue();
        Thread.sleep(1500);
        assertThat(node.call(() -> node.network().peerCount())).isZero();
    }

    @Test
    void aNodeThatBrokeTheProtocolIsRefusedWhenItComesBack() throws Exception {
        NodeUuid offender = HostileClient.randomUuid();
        try (HostileClient c = new HostileClient(address(node))) {
            c.send(HostileClient.welcomePacket(offender, 1, WelcomePacket.ALL_INTERESTS, Optional.empty()));
            c.read(5000);
            c.sendBytes(new byte[] {8, 0, 0, 0, 99, 0, 0, 0});
            assertThat(c.errorCode(5000)).hasValue(ErrorCode.UNKNOWN_COMMAND.code());
        }
        try (HostileClient again = new HostileClient(address(node))) {
            again.send(HostileClient.welcomePacket(offender, 1, WelcomePacket.ALL_INTERESTS, Optional.empty()));
            assertThat(again.closedWithin(5000)).isTrue();
        }
        byte[] fresh = Arrays.copyOf(offender.toByteArray(), 16);
        fresh[0] ^= 1;
        try (HostileClient other = new HostileClient(address(node))) {
            other.send(
                    HostileClient.welcomePacket(NodeUuid.of(fresh), 1, WelcomePacket.ALL_INTERESTS, Optional.empty()));
            assertThat(other.read(5000)).containsInstanceOf(WelcomePacket.class);
        }
    }
}
