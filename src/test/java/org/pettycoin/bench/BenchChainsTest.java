package org.pettycoin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.Network;
import org.pettycoin.chainstate.BlockfileLoader;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.store.Blockfile;

/** The benchmark's chains load from their blockfiles as a node would load them. */
class BenchChainsTest {
    @TempDir
    Path dir;

    private BlockfileLoader.Summary load(Path file, long now) throws IOException {
        try (Blockfile f = Blockfile.openReadOnly(file)) {
            return new BlockfileLoader(
                            new ChainState(Network.REGTEST, ChainState.Config.DEFAULT, () -> now, () -> now * 1000))
                    .load(f);
        }
    }

    @Test
    void aLinearChainLoadsToItsTip() throws IOException {
        BenchChains.Linear c = BenchChains.linear(40, dir.resolve("chain"));
        BlockfileLoader.Summary s = load(c.blockfile(), c.lastTimestamp() + 60);
        assertThat(s.blocks()).isEqualTo(40);
        assertThat(s.tip().id()).isEqualTo(c.tip());
    }

    @Test
    void eachSideOfAForkHoldsThePrefixAndItsOwnBranch() throws IOException {
        BenchChains.Forked f = BenchChains.forked(10, 7, 8, dir.resolve("a"), dir.resolve("b"));
        long now = f.lastTimestamp() + 60;
        BlockfileLoader.Summary a = load(f.blockfileA(), now);
        BlockfileLoader.Summary b = load(f.blockfileB(), now);
        assertThat(a.blocks()).isEqualTo(17);
        assertThat(a.tip().id()).isEqualTo(f.tipA());
        assertThat(a.tip().height()).isEqualTo(17);
        assertThat(b.blocks()).isEqualTo(18);
        assertThat(b.tip().id()).isEqualTo(f.tipB());
        assertThat(f.allBlocks()).isEqualTo(1 + 10 + 7 + 8);
    }
}
