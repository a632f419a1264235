package org.pettycoin.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress lines at most once per interval, and the figures they are made of, on a clock the test moves. */
class ProgressTest {
    private final ManualClock clock = new ManualClock(1_800_000_000L);
    private final List<String> lines = new ArrayList<>();
    private final Progress p = new Progress("sync", "blocks", clock::monotonicNanos, 5_000_000_000L, lines::add);

    @Test
    void aLineAtMostOncePerIntervalWithRateShareAndTimeLeft() {
        clock.advance(Duration.ofSeconds(4));
        assertThat(p.at(400, 400, 0.2)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(p.at(500, 500, 0.25)).isTrue();
        assertThat(p.at(510, 510, 0.255)).isFalse();
        assertThat(lines).containsExactly("sync: height 500, 500 blocks, 100 blocks/s, 25.0%, about 15 s left");
    }

    @Test
    void theFiguresAreTheLinesNumbers() {
        clock.advance(Duration.ofSeconds(10));
        Progress.Figures f = p.figures(2000, 2500, 0.5);
        assertThat(f.count()).isEqualTo(2000);
        assertThat(f.height()).isEqualTo(2500);
        assertThat(f.seconds()).isEqualTo(10.0);
        assertThat(f.perSecond()).isEqualTo(200.0);
        assertThat(f.fraction()).hasValue(0.5);
        assertThat(f.etaSeconds()).hasValue(10.0);
        assertThat(p.at(2000, 2500, 0.5)).isTrue();
        assertThat(lines).containsExactly("sync: height 2500, 2000 blocks, 200 blocks/s, 50.0%, about 10 s left");
    }

    @Test
    void anUnknownWholeHasNoShareAndNoTimeLeftAndNothingDoneNoTimeLeft() {
        clock.advance(Duration.ofSeconds(2));
        assertThat(p.figures(10, 10, -1).fraction()).isEmpty();
        assertThat(p.figures(10, 10, -1).etaSeconds()).isEmpty();
        assertThat(p.figures(0, 0, 0).fraction()).hasValue(0.0);
        assertThat(p.figures(0, 0, 0).etaSeconds()).isEmpty();
        assertThat(p.figures(10, 10, 1.5).fraction()).as("capped").hasValue(1.0);
    }
}
