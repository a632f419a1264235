package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pettycoin.testing.TestNodes.address;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.Network;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.ChildrenPacket;
import org.pettycoin.protocol.ErrPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.GetChildrenPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PeersPacket;
import org.pettycoin.protocol.TxMapPacket;
import org.pettycoin.testing.TestNodes;

/**
 * The {@link Misbehaviour.Penalty#TOLERATED} faults over a real socket: what an honest C node sends and
 * C itself hangs up on (docs/c-differences.md #29, #30) costs the peer nothing.
 */
@Timeout(60)
class ToleratedQuirksTest {
    @TempDir
    Path dir;

    private TestNodes nodes;
    private Node node;

    @BeforeEach
    void start() throws Exception {
        nodes = new TestNodes(dir, Network.REGTEST.genesisTimestamp() + 3600);
        node = nodes.start("n");
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void anEmptyPeersAndAnErrorTxmapAreNoticedAndTheConnectionCarriesOn() throws Exception {
        Hash256 genesis = node.call(() -> node.state().tree().genesis().id());
        try (HostileClient c = new HostileClient(address(node))) {
            c.welcome(Optional.empty());
            c.send(new PeersPacket(List.of()));
            c.send(new TxMapPacket(genesis, 0, ErrorCode.UNKNOWN_BLOCK.code(), Bytes.of()));
            c.send(new GetChildrenPacket(genesis));
            assertThat(untilChildren(c)).isInstanceOf(ChildrenPacket.class);
            assertThat(c.closedWithin(500)).as("still connected").isFalse();
        }
    }

    /** Reads past the node's own requests to the answer to GET_CHILDREN (or the ERR that would end us). */
    private static Packet untilChildren(HostileClient c) throws Exception {
        while (true) {
            Packet p = c.read(5000).orElseThrow();
            if (p instanceof ChildrenPacket || p instanceof ErrPacket) {
                return p;
            }
        }
    }
}
