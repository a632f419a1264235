package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SyncProgressTest {
    private static final long SECOND = 1_000_000_000L;

    private long now;
    private final List<String> lines = new ArrayList<>();
    private final SyncProgress progress = new SyncProgress(() -> now, 5 * SECOND, lines::add);

    @Test
    void aSyncTellsHeightRateAndShareOfTheWayToThePeersBlockEveryInterval() {
        progress.tick(OptionalLong.of(10_000), 0, 1); // a peer welcomed us with height 10,000
        now += 4 * SECOND;
        progress.tick(OptionalLong.of(10_000), 1_000, 1_001);
        assertThat(lines).as("not yet: under 5 s").isEmpty();
        now += SECOND;
        progress.tick(OptionalLong.of(10_000), 2_500, 2_501);
        assertThat(lines).containsExactly("sync: height 2500, 2500 blocks, 500 blocks/s, 25.0%, about 15 s left");
    }

    @Test
    void whenNoPeerIsLeftToSyncFromTheNextSyncStartsAfresh() {
        progress.tick(OptionalLong.of(100), 0, 1);
        now += 10 * SECOND;
        progress.tick(OptionalLong.empty(), 100, 101);
        now += 10 * SECOND;
        progress.tick(OptionalLong.of(300), 100, 101);
        assertThat(lines).isEmpty();
        now += 5 * SECOND;
        progress.tick(OptionalLong.of(300), 150, 151);
        assertThat(lines).containsExactly("sync: height 150, 50 blocks, 10 blocks/s, 50.0%, about 5 s left");
    }

    @Test
    void aPeerAtGenesisGivesNoShare() {
        progress.tick(OptionalLong.of(0), 0, 1);
        now += 5 * SECOND;
        progress.tick(OptionalLong.of(0), 0, 1);
        assertThat(lines).containsExactly("sync: height 0, 0 blocks, 0 blocks/s");
    }
}
