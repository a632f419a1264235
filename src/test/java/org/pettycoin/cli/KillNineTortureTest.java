package org.pettycoin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL and power-loss torture of two {@code pettycoin node} processes (see {@link KillNineTorture}).
 * The long run: {@code mvn -B test -Ptorture -Dtest=KillNineTortureTest}, sized by
 * {@code -Dtorture.kills} (default 50) and {@code -Dtorture.cuts} (default 20), repeatable with the
 * printed {@code -Dtorture.seed}. A short run (3 kills, 2 cuts) is in {@code -Pscenario}.
 */
class KillNineTortureTest {
    @TempDir
    Path dir;

    private static long seed() {
        return Long.getLong("torture.seed", System.nanoTime());
    }

    @Test
    @Tag("torture")
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void nodesKilledAndCutAtRandomMomentsKeepEveryBlockTheyReported() throws Exception {
        int kills = Integer.getInteger("torture.kills", 50);
        int cuts = Integer.getInteger("torture.cuts", 20);
        KillNineTorture.Figures f = new KillNineTorture(new KillNineTorture.Plan(kills, cuts, seed()), dir).run();
        assertThat(f.kills).isEqualTo(kills + cuts + f.earlyKills);
        assertThat(f.restarts).isEqualTo(kills + cuts);
        assertThat(f.cuts).isEqualTo(cuts);
    }

    @Test
    @Tag("scenario")
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void threeKillsAndTwoCutsLoseNothingReported() throws Exception {
        KillNineTorture.Figures f = new KillNineTorture(new KillNineTorture.Plan(3, 2, seed()), dir).run();
        assertThat(f.kills).isEqualTo(5 + f.earlyKills);
        assertThat(f.blocksChecked).isPositive();
    }
}
