package org.pettycoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pettycoin.transport.PacketLog;
import org.slf4j.LoggerFactory;

/** The in-memory log keeps severe entries longest and counts what it dropped (docs/c-differences.md #46). */
class LogRingTest {
    @Test
    void whenFullTheLeastSevereGoFirstAndTheNextKeptCountsThem() {
        LogRing ring = new LogRing(10 * LogRing.ENTRY_OVERHEAD_BYTES);
        ring.add(LogRing.LogLevel.BROKEN, "n", "b0");
        for (int i = 0; i < 8; i++) {
            ring.add(LogRing.LogLevel.DEBUG, "n", "d" + i);
        }
        ring.add(LogRing.LogLevel.UNUSUAL, "n", "u0");
        ring.add(LogRing.LogLevel.INFO, "n", "i0");
        LogRing.Snapshot s = ring.snapshot();
        assertThat(s.bytesUsed()).isLessThanOrEqualTo(s.bytesMax());
        List<String> kept = s.entries().stream().map(LogRing.Entry::text).toList();
        assertThat(kept).contains("b0", "u0", "i0").doesNotContain("d0", "d1");
        int skipped =
                s.entries().stream().mapToInt(LogRing.Entry::skippedBefore).sum();
        assertThat(skipped + kept.size()).isEqualTo(11);
    }

    @Test
    void installedOnceItHearsTheRootLogger() {
        LogRing ring = LogRing.install().orElseThrow();
        assertThat(LogRing.install()).containsSame(ring);
        LoggerFactory.getLogger("ring-test").warn("heard by the ring");
        assertThat(ring.snapshot().entries())
                .anyMatch(e -> e.text().equals("heard by the ring")
                        && e.level() == LogRing.LogLevel.UNUSUAL
                        && e.source().equals("ring-test"));
    }

    @Test
    void ioEntriesHaveTheirOwnShareAndKeepOnlyTheFramesHead() {
        LogRing ring = new LogRing(40 * LogRing.ENTRY_OVERHEAD_BYTES, 5L * LogRing.ENTRY_OVERHEAD_BYTES + 2000);
        ring.add(LogRing.LogLevel.DEBUG, "n", "d0");
        byte[] big = new byte[4096];
        for (int i = 0; i < 50; i++) {
            ring.addIo(
                    "org.pettycoin.io",
                    "IN BLOCK",
                    new PacketLog.Frame(
                            true, big, new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 1)));
        }
        ring.add(LogRing.LogLevel.INFO, "n", "i0");
        List<LogRing.Entry> all = ring.snapshot().entries();
        assertThat(all).extracting(LogRing.Entry::text).contains("d0", "i0");
        List<LogRing.Entry> io = all.stream().filter(e -> e.frame().isPresent()).toList();
        assertThat(io).hasSizeLessThan(5);
        assertThat(io.get(0).skippedBefore()).isPositive();
        String hex = io.get(0).frame().orElseThrow().hex();
        assertThat(hex).hasSize(1024 + 1).endsWith("…");
    }
}
