package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.Network;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.store.AddressesFile;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestNodes;

/**
 * Peers found without --connect: the developer-test addresses file (shared between nodes, as the C
 * test scripts share it), then GET_PEERS/PEERS and the peer cache.
 */
@Timeout(60)
class PeerDiscoveryTest {
    @TempDir
    Path dir;

    @Test
    void nodesFindEachOtherThroughTheAddressesFileAndPeersPackets() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, Network.REGTEST.genesisTimestamp() + 3600)) {
            Path shared = dir.resolve("addresses");
            Files.createFile(shared);
            Node[] n = new Node[3];
            for (int i = 0; i < 3; i++) {
                Path data = nodes.dataDir("n" + i);
                Files.createDirectories(data);
                Files.createSymbolicLink(data.resolve(AddressesFile.FILE_NAME), shared);
                n[i] = nodes.start(nodes.options("n" + i).withDeveloperTest(true));
            }
            assertThat(AddressesFile.read(shared)).hasSize(3);
            for (Node x : n) {
                assertThat(Await.await(
                                Duration.ofSeconds(20),
                                () -> x.call(() -> x.network().peerCount()) == 2))
                        .isTrue();
            }
            // Each node's cache names the other two, which are all connected, some inbound: none is
            // dialled again (it would be closed as a duplicate and dialled again, every second).
            long[] dials = new long[3];
            for (int i = 0; i < 3; i++) {
                dials[i] = n[i].cacheDials();
            }
            Thread.sleep(3000);
            for (int i = 0; i < 3; i++) {
                Node x = n[i];
                assertThat(x.cacheDials()).as("cache dials by n" + i).isEqualTo(dials[i]);
                assertThat(x.call(() -> x.network().peerCount())).isEqualTo(2);
            }
            // A newcomer that only knows n0 learns the others from n0's PEERS and dials them.
            Path late = nodes.dataDir("late");
            Files.createDirectories(late);
            List<NetAddress> all = AddressesFile.read(shared);
            AddressesFile.append(late.resolve(AddressesFile.FILE_NAME), all.get(0));
            Node newcomer = nodes.start(nodes.options("late").withDeveloperTest(true));
            assertThat(Await.await(
                            Duration.ofSeconds(20),
                            () -> newcomer.call(() -> newcomer.network().peerCount()) == 3))
                    .isTrue();
        }
    }
}
