package org.pettycoin.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The clocks: what each reads, how setting the mock time moves the wall reading and only that. */
class ClocksTest {
    private static final long NOV_2025 = 1_764_078_950L;

    @Test
    void theSystemClockReadsTheSystemsTime() {
        long before = System.currentTimeMillis();
        long read = SystemClock.INSTANCE.unixMillis();
        long after = System.currentTimeMillis();
        assertThat(read).isBetween(before, after);
        assertThat(SystemClock.INSTANCE.unixSeconds()).isBetween(before / 1000, after / 1000 + 1);
        long m1 = SystemClock.INSTANCE.monotonicNanos();
        assertThat(SystemClock.INSTANCE.monotonicNanos()).isGreaterThanOrEqualTo(m1);
    }

    @Test
    void aManualClockMovesOnlyWhenTold() {
        ManualClock c = new ManualClock(NOV_2025);
        assertThat(c.unixSeconds()).isEqualTo(NOV_2025);
        assertThat(c.unixMillis()).isEqualTo(NOV_2025 * 1000);
        assertThat(c.monotonicNanos()).isZero();
        c.advance(Duration.ofMillis(1500));
        assertThat(c.unixMillis()).isEqualTo(NOV_2025 * 1000 + 1500);
        assertThat(c.unixSeconds()).isEqualTo(NOV_2025 + 1);
        assertThat(c.monotonicMillis()).isEqualTo(1500);
        for (int i = 0; i < 4; i++) {
            c.advance(Duration.ofNanos(250_000));
        }
        assertThat(c.unixMillis()).as("sub-millisecond steps add up").isEqualTo(NOV_2025 * 1000 + 1501);
        c.setUnixSeconds(100);
        assertThat(c.unixSeconds()).isEqualTo(100);
        assertThat(c.monotonicNanos())
                .as("setting the wall time is not time passing")
                .isEqualTo(1_501_000_000L);
        assertThatThrownBy(() -> c.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mockTimeStartsWhereSetAdvancesWithTheRealClockAndZeroGoesBack() {
        ManualClock real = new ManualClock(1_796_000_000L);
        MockTimeClock c = new MockTimeClock(real);
        assertThat(c.unixSeconds()).as("unset: the real clock's time").isEqualTo(1_796_000_000L);
        assertThat(c.mockTime()).isZero();

        real.advance(Duration.ofSeconds(5));
        c.set(NOV_2025);
        assertThat(c.unixSeconds()).isEqualTo(NOV_2025);
        assertThat(c.mockTime()).isEqualTo(NOV_2025);
        real.advance(Duration.ofMillis(2500));
        assertThat(c.unixMillis()).isEqualTo(NOV_2025 * 1000 + 2500);
        assertThat(c.unixSeconds()).isEqualTo(NOV_2025 + 2);
        assertThat(c.mockTime()).as("where it was set, not where it is").isEqualTo(NOV_2025);

        // The real clock being stepped does not move a set mock time: only time passing does.
        real.setUnixSeconds(42);
        assertThat(c.unixSeconds()).isEqualTo(NOV_2025 + 2);

        c.set(0);
        assertThat(c.unixSeconds()).isEqualTo(42);
        assertThat(c.mockTime()).isZero();
    }

    @Test
    void settingTheTimeNeverMovesTheMonotonicReading() {
        ManualClock real = new ManualClock(1_796_000_000L);
        MockTimeClock c = new MockTimeClock(real);
        real.advance(Duration.ofSeconds(3));
        long before = c.monotonicNanos();
        c.set(NOV_2025);
        assertThat(c.monotonicNanos()).isEqualTo(before).isEqualTo(real.monotonicNanos());
        c.set(1);
        c.set(0);
        assertThat(c.monotonicNanos()).isEqualTo(before);
    }

    @Test
    void refusesTimesABlockTimestampCannotHold() {
        MockTimeClock c = MockTimeClock.system();
        assertThatThrownBy(() -> c.set(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> c.set(MockTimeClock.MAX_SECONDS + 1)).isInstanceOf(IllegalArgumentException.class);
        c.set(MockTimeClock.MAX_SECONDS);
        assertThat(c.unixSeconds()).isGreaterThanOrEqualTo(MockTimeClock.MAX_SECONDS);
    }

    @Test
    void startingAtRunsFromThatTimeOnTheSystemClock() {
        MockTimeClock c = MockTimeClock.startingAt(NOV_2025);
        // No timing asserted: only that it reads the set date, not today's.
        assertThat(c.unixSeconds()).isGreaterThanOrEqualTo(NOV_2025).isLessThan(SystemClock.INSTANCE.unixSeconds());
        assertThat(MockTimeClock.startingAt(0).mockTime()).isZero();
    }

    @Test
    @Timeout(30)
    void aReaderOnAnotherThreadSeesOneSettingOrTheOtherNeverAMixture() throws Exception {
        ManualClock real = new ManualClock(1_796_000_000L);
        MockTimeClock c = new MockTimeClock(real);
        Set<Long> allowed = Set.of(1_796_000_000_000L, NOV_2025 * 1000, 1_000_000_000_000L);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Long> odd = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                long t = c.unixMillis();
                if (!allowed.contains(t)) {
                    odd.compareAndSet(null, t);
                }
            }
        });
        reader.start();
        for (int i = 0; i < 200_000; i++) {
            c.set(i % 3 == 0 ? NOV_2025 : i % 3 == 1 ? 1_000_000_000L : 0);
        }
        done.set(true);
        reader.join();
        assertThat(odd.get()).isNull();
    }
}
