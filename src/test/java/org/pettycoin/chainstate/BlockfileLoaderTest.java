package org.pettycoin.chainstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.Vectors;
import org.pettycoin.store.Blockfile;
import org.pettycoin.time.Progress;

class BlockfileLoaderTest {
    private static final Address MINER = Address.fromHex("44".repeat(20));
    private static final long FAR_FUTURE = 4_000_000_000L;

    @TempDir
    Path dir;

    private static ChainState stateAt(Network net, long now) {
        return new ChainState(net, ChainState.Config.DEFAULT, () -> now, () -> now * 1000);
    }

    private static BlockfileLoader.Summary load(Path file, Network net) throws IOException {
        try (Blockfile f = Blockfile.open(file)) {
            return new BlockfileLoader(stateAt(net, FAR_FUTURE)).load(f);
        }
    }

    @Test
    void loadsTheCNodesBlockfileToItsTip() throws IOException {
        Path copy = dir.resolve("blockfile");
        Files.copy(Vectors.dir().resolve("blockfile_A.bin"), copy);
        BlockfileLoader.Summary s = load(copy, Network.TESTNET);
        assertThat(s.blocks()).isEqualTo(190);
        assertThat(s.txs()).isEqualTo(4);
        assertThat(s.replay().stoppedBecause()).isEmpty();
        assertThat(s.tip().id().hex()).isEqualTo("1f0a2df27f8db8bdaf5d7555c72e3b02594f5ea0fb9fa8cc62d399721d000000");
        // Our records are the C node's records: nothing was rewritten.
        assertThat(Files.readAllBytes(copy)).isEqualTo(Vectors.bytes("blockfile_A.bin"));
    }

    /** A clock that moves a second each time it is read: a line is due every fifth record. */
    @Test
    void aLongReplayTellsItsProgressAtMostOncePerInterval() throws IOException {
        Path copy = dir.resolve("blockfile");
        Files.copy(Vectors.dir().resolve("blockfile_A.bin"), copy);
        long[] now = {0};
        List<String> lines = new ArrayList<>();
        Progress progress =
                new Progress("blockfile replay", "blocks", () -> now[0] += 1_000_000_000L, 5_000_000_000L, lines::add);
        try (Blockfile f = Blockfile.open(copy)) {
            new BlockfileLoader(stateAt(Network.TESTNET, FAR_FUTURE), events -> {}, Optional.of(progress)).load(f);
        }
        // 194 records, one reading each: a line at every fifth.
        assertThat(lines).hasSize(194 / 5);
        assertThat(lines.get(0))
                .matches("blockfile replay: height \\d+, 5 blocks, 1 blocks/s, \\d+\\.\\d%, about \\d+ s left");
        assertThat(lines.get(lines.size() - 1)).contains("blocks/s, 9");
    }

    @Test
    void restartAfterTenThousandBlocksReachesTheSameTip() throws IOException {
        BlockTree tree = new BlockTree(Network.REGTEST);
        ChainBuilder builder = new ChainBuilder(tree, MINER);
        BlockNode tip = builder.extend(tree.genesis(), 10_000);
        Path file = dir.resolve("blockfile");
        builder.writeBlockfile(file);
        BlockfileLoader.Summary s = load(file, Network.REGTEST);
        assertThat(s.blocks()).isEqualTo(10_000);
        assertThat(s.tip().id()).isEqualTo(tip.id());
        assertThat(s.tip().totalWork()).isEqualTo(tip.totalWork());
    }

    /** A crash at any byte of the last two records loses at most them, and the node appends right after. */
    @Test
    void killAtEveryOffsetOfTheLastRecordsRecoversTheValidPrefix() throws IOException {
        BlockTree tree = new BlockTree(Network.REGTEST);
        ChainBuilder builder = new ChainBuilder(tree, MINER);
        BlockNode tip = builder.extend(tree.genesis(), 30);
        Path full = dir.resolve("full");
        builder.writeBlockfile(full);
        byte[] bytes = Files.readAllBytes(full);
        int last = PacketCodec.encode(new BlockPacket(builder.built().get(29))).length;
        int secondLast = PacketCodec.encode(new BlockPacket(builder.built().get(28))).length;
        int start = bytes.length - last - secondLast;
        for (int cut = start; cut < bytes.length; cut++) {
            Path p = dir.resolve("cut" + cut);
            Files.write(p, Arrays.copyOf(bytes, cut));
            long expectBlocks = cut < bytes.length - last ? 28 : 29;
            try (Blockfile f = Blockfile.open(p)) {
                BlockfileLoader.Summary s = new BlockfileLoader(stateAt(Network.REGTEST, FAR_FUTURE)).load(f);
                assertThat(s.blocks()).as("cut at %d", cut).isEqualTo(expectBlocks);
                assertThat(s.tip().height()).isEqualTo(expectBlocks);
                // The node fetches the lost blocks again and appends them right where the tail was cut.
                for (int i = (int) expectBlocks; i < 30; i++) {
                    f.append(PacketCodec.encode(new BlockPacket(builder.built().get(i))));
                }
            }
            assertThat(Files.readAllBytes(p)).isEqualTo(bytes);
            BlockfileLoader.Summary again = load(p, Network.REGTEST);
            assertThat(again.blocks()).isEqualTo(30);
            assertThat(again.tip().id()).isEqualTo(tip.id());
        }
    }
}
