package org.pettycoin.chainstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.Network;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.Vectors;
import org.pettycoin.store.Blockfile;

/**
 * The C node must be able to load what we write: a node of ours that receives the C node's chain,
 * record by record as a peer would send it, writes a blockfile with the very same bytes.
 */
class CBlockfileRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void receivingTheCNodesChainWritesItsBlockfileByteForByte() throws Exception {
        Path cFile = Vectors.dir().resolve("blockfile_A.bin");
        List<Packet> records = new ArrayList<>();
        try (Blockfile f = Blockfile.openReadOnly(cFile)) {
            f.replay((frame, offset) -> {
                try {
                    records.add(PacketCodec.decode(frame));
                    return Optional.empty();
                } catch (org.pettycoin.protocol.ProtocolException e) {
                    return Optional.of(e.getMessage());
                }
            });
        }
        long now = records.stream()
                        .filter(p -> p instanceof BlockPacket)
                        .mapToLong(p -> ((BlockPacket) p).block().tailer().timestamp())
                        .max()
                        .orElseThrow()
                + 1;
        Path ours = dir.resolve("blockfile");
        try (BlockfileJournal journal = BlockfileJournal.open(ours)) {
            ChainState state = new ChainState(Network.TESTNET, ChainState.Config.DEFAULT, () -> now, () -> now * 1000);
            journal.load(state);
            NodeLoop loop = new NodeLoop(state, journal);
            for (Packet p : records) {
                if (p instanceof BlockPacket b) {
                    assertThat(loop.processBlock(ReceivedBlock.of(b.block()), BlockFlags.PEER, Origin.LOCAL)
                                    .intake())
                            .isInstanceOf(BlockIntake.Attached.class);
                } else {
                    assertThat(loop.receiveTxInBlock(((TxInBlockPacket) p).proven(), Origin.LOCAL)
                                    .outcome())
                            .isEqualTo(ContentResult.Outcome.STORED);
                }
            }
        }
        assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(cFile));
    }
}
