package org.pettycoin.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FloodGateTest {
    @Test
    void div4MakesTheTargetFourTimesLarger() {
        assertThat(Difficulty.target(Difficulty.div4(0x1c3bffc4L)))
                .isEqualTo(Difficulty.target(0x1c3bffc4L).shiftLeft(2));
        // Mantissa overflow moves to the next exponent (truncating the low bits, as C does).
        assertThat(Difficulty.div4(0x1cffffffL)).isEqualTo(0x1d03ffffL);
        assertThat(Difficulty.div4(0x1fffffffL)).as("saturates at the top").isEqualTo(0x1fffffffL);
    }

    @Test
    void gateIsGenesisWhenOurBlocksAreAtGenesisDifficulty() {
        BlockTree tree = new BlockTree(Network.TESTNET);
        long genesis = Network.TESTNET.genesisDifficulty();
        assertThat(FloodGate.minDifficulty(tree, 0)).isEqualTo(genesis);
        // Far-future claims do not loop per period: billions of heights stay cheap.
        assertThat(FloodGate.minDifficulty(tree, 0xffffffffL)).isEqualTo(genesis);
        assertThat(FloodGate.admits(tree, 5, genesis)).isTrue();
        assertThat(FloodGate.admits(tree, 5, 0x1c3bffc4L)).as("harder is fine").isTrue();
        assertThat(FloodGate.admits(tree, 5, 0x1e00ffffL))
                .as("easier than genesis")
                .isFalse();
    }
}
