package org.pettycoin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.protocol.ByteWriter;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.protocol.StructCodec;
import org.pettycoin.time.ManualClock;

class PeerCacheTest {
    private static final long START = 1_700_000_000L;
    private static final NodeUuid SELF = uuid(0x5e);
    private static final NodeUuid OTHER = uuid(0x0b);

    @TempDir
    Path dir;

    private final ManualClock now = new ManualClock(START);

    private Path file() {
        return dir.resolve(PeerCache.FILE_NAME);
    }

    /** Fixed, so which test addresses share a slot is the same on every run. */
    private static final long KEY = 0x0123456789abcdefL;

    private PeerCache open(Random coin) throws IOException {
        return PeerCache.open(file(), new PeerCache.Settings(SELF, now::unixSeconds, coin, () -> KEY));
    }

    private PeerCache open() throws IOException {
        return open(new NoCoin());
    }

    /** A coin that must not be tossed. */
    private static final class NoCoin extends Random {
        private static final long serialVersionUID = 1L;

        @Override
        public int nextInt(int bound) {
            throw new AssertionError("the coin was tossed");
        }
    }

    /** A coin that gives the scripted results in order. */
    private static final class ScriptedCoin extends Random {
        private static final long serialVersionUID = 1L;
        private final int[] results;
        private int next;

        ScriptedCoin(int... results) {
            this.results = results;
        }

        @Override
        public int nextInt(int bound) {
            assertThat(bound).isEqualTo(2);
            return results[next++];
        }
    }

    private static NodeUuid uuid(int fill) {
        byte[] b = new byte[NodeUuid.LENGTH];
        Arrays.fill(b, (byte) fill);
        return NodeUuid.of(b);
    }

    /** ::ffff:a.b.c.d */
    private static NetAddress ipv4(int a, int b, int c, int d, int port, long time, NodeUuid uuid) {
        byte[] addr = new byte[NetAddress.ADDR_LENGTH];
        addr[10] = (byte) 0xff;
        addr[11] = (byte) 0xff;
        addr[12] = (byte) a;
        addr[13] = (byte) b;
        addr[14] = (byte) c;
        addr[15] = (byte) d;
        return new NetAddress(time, Bytes.of(addr), port, 0, uuid);
    }

    private static NetAddress peer(int d, int port) {
        return ipv4(10, 0, 0, d, port, START - 100, OTHER);
    }

    /** An address (10.0.1.x:port) other than {@code a} that hashes to the same slot. */
    private static NetAddress collidingWith(NetAddress a, PeerCache cache, long time) {
        int slot = cache.slotOf(a);
        for (int port = 1; port <= 0xffff; port++) {
            NetAddress candidate = ipv4(10, 0, 1, port & 0xff, port, time, OTHER);
            if (cache.slotOf(candidate) == slot && !PeerCache.sameAddress(candidate, a)) {
                return candidate;
            }
        }
        throw new AssertionError("no colliding address found");
    }

    private static byte[] encode(NetAddress a) {
        ByteWriter w = new ByteWriter();
        StructCodec.encodeNetAddress(a, w);
        return w.toByteArray();
    }

    private byte[] slotBytesOnDisk(int slot) throws IOException {
        byte[] all = Files.readAllBytes(file());
        int off = (int) PeerCacheFile.slotOffset(slot);
        return Arrays.copyOfRange(all, off, off + NetAddress.LENGTH);
    }

    /** A file in C's layout with {@code randBytes} and {@code entries} at the given slots. */
    private void writeFile(long randBytes, int[] slots, NetAddress... entries) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(PeerCacheFile.FILE_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(0, randBytes);
        for (int i = 0; i < entries.length; i++) {
            buf.put((int) PeerCacheFile.slotOffset(slots[i]), encode(entries[i]));
        }
        Files.write(file(), buf.array());
    }

    @Test
    void newFileHasCsLayoutModeAndAnEmptyTable() throws IOException {
        long key;
        try (PeerCache cache = open()) {
            assertThat(cache.origin()).isEqualTo(PeerCache.Origin.CREATED);
            assertThat(cache.discardedBecause()).isEmpty();
            assertThat(cache.addresses()).isEmpty();
            key = cache.randBytes();
        }
        assertThat(key).isEqualTo(KEY);
        byte[] bytes = Files.readAllBytes(file());
        assertThat(bytes).hasSize(163_848);
        assertThat(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0))
                .isEqualTo(key);
        assertThat(Arrays.copyOfRange(bytes, 8, bytes.length)).containsOnly(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
                .isEqualTo("rw-------");
    }

    @Test
    void reopeningKeepsKeyAndEntries() throws IOException {
        List<NetAddress> before;
        long key;
        try (PeerCache cache = open()) {
            cache.add(peer(1, 9000));
            cache.refresh(peer(2, 9001));
            cache.add(peer(3, 9002));
            before = cache.addresses();
            key = cache.randBytes();
        }
        assertThat(before).hasSize(3);
        now.advance(Duration.ofSeconds(60));
        try (PeerCache cache = open()) {
            assertThat(cache.origin()).isEqualTo(PeerCache.Origin.LOADED);
            assertThat(cache.randBytes()).isEqualTo(key);
            assertThat(cache.addresses()).isEqualTo(before);
        }
    }

    /** Slots computed by ccan's hash64_any itself for key 0x0123456789abcdef and ::ffff:127.0.0.1. */
    @Test
    void loadsAFileLaidOutByTheCNode() throws IOException {
        long key = KEY;
        NetAddress p9000 = ipv4(127, 0, 0, 1, 9000, START - 10, OTHER);
        NetAddress p0 = ipv4(127, 0, 0, 1, 0, START - 20, OTHER);
        NetAddress p65535 = ipv4(127, 0, 0, 1, 65535, START - 30, NodeUuid.ZERO);
        writeFile(key, new int[] {1059, 3211, 912}, p9000, p0, p65535);
        try (PeerCache cache = open()) {
            assertThat(cache.origin()).isEqualTo(PeerCache.Origin.LOADED);
            assertThat(cache.addresses()).containsExactly(p65535, p9000, p0);
        }
    }

    @Test
    void aSecondOpenInThisJvmIsRefusedUntilTheFirstCloses() throws IOException {
        PeerCache first = open();
        assertThatThrownBy(this::open)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("another node is using " + dir.toAbsolutePath());
        first.add(peer(1, 9000));
        first.close();
        try (PeerCache again = open()) {
            assertThat(again.addresses()).hasSize(1);
        }
    }

    @Test
    void aLockHeldThroughAnotherChannelIsRespected() throws IOException {
        try (FileChannel other = FileChannel.open(
                        file(), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock held = other.lock()) {
            assertThat(held.isValid()).isTrue();
            assertThatThrownBy(this::open)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("another node is using");
        }
    }

    @Test
    void closeReleasesTheLock() throws IOException {
        open().close();
        try (FileChannel other = FileChannel.open(file(), StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = other.tryLock()) {
            assertThat(lock).isNotNull();
        }
    }

    @Test
    void anEmptyFileIsInitialised() throws IOException {
        Files.write(file(), new byte[0]);
        try (PeerCache cache = open()) {
            assertThat(cache.origin()).isEqualTo(PeerCache.Origin.CREATED);
        }
        assertThat(Files.size(file())).isEqualTo(163_848);
    }

    @Test
    void aShortFileIsRecreated() throws IOException {
        Files.write(file(), new byte[PeerCacheFile.FILE_LENGTH - 1]);
        assertRecreated("163847 bytes");
    }

    @Test
    void anEntryFromTheFutureMakesTheFileRecreated() throws IOException {
        long key = 42;
        NetAddress future = ipv4(10, 0, 0, 1, 9000, START + 1, OTHER);
        writeFile(key, new int[] {new PeerSlotHash(key).slotOf(future)}, future);
        assertRecreated("in the future");
    }

    @Test
    void anEntryOutsideItsSlotMakesTheFileRecreated() throws IOException {
        long key = 42;
        NetAddress a = ipv4(10, 0, 0, 1, 9000, START, OTHER);
        int home = new PeerSlotHash(key).slotOf(a);
        writeFile(key, new int[] {(home + 1) % PeerSlotHash.SLOTS}, a);
        assertRecreated("belongs in slot " + home);
    }

    @Test
    void garbageInAnEmptySlotIsNotCorruption() throws IOException {
        // Emptiness is the address alone: a zero address with other fields set is still empty.
        NetAddress junk = new NetAddress(START + 999, PeerCache.EMPTY.addr(), 7, 7, OTHER);
        writeFile(42, new int[] {5}, junk);
        try (PeerCache cache = open()) {
            assertThat(cache.origin()).isEqualTo(PeerCache.Origin.LOADED);
            assertThat(cache.addresses()).isEmpty();
        }
    }

    private void assertRecreated(String reason) throws IOException {
        try (PeerCache cache = open()) {
            assertThat(cache.origin()).isEqualTo(PeerCache.Origin.RECREATED);
            assertThat(cache.discardedBecause())
                    .hasValueSatisfying(r -> assertThat(r).contains(reason));
            assertThat(cache.addresses()).isEmpty();
        }
        byte[] bytes = Files.readAllBytes(file());
        assertThat(bytes).hasSize(163_848);
        assertThat(Arrays.copyOfRange(bytes, 8, bytes.length)).containsOnly(0);
        try (PeerCache cache = open()) {
            assertThat(cache.origin()).isEqualTo(PeerCache.Origin.LOADED);
        }
    }

    @Test
    void hearsayIsAgedThirtyMinutesClampedToNowAndForgottenAfterThreeHours() throws IOException {
        try (PeerCache cache = open()) {
            assertThat(cache.add(ipv4(10, 0, 0, 1, 1, START - 100, OTHER))).isEqualTo(PeerCache.AddResult.STORED);
            assertThat(cache.add(ipv4(10, 0, 0, 2, 1, START + 5000, OTHER))).isEqualTo(PeerCache.AddResult.STORED);
            assertThat(cache.add(ipv4(10, 0, 0, 3, 1, START - 3 * 3600, OTHER))).isEqualTo(PeerCache.AddResult.STORED);
            assertThat(cache.add(ipv4(10, 0, 0, 4, 1, START - 3 * 3600 - 1, OTHER)))
                    .isEqualTo(PeerCache.AddResult.STORED);
            assertThat(cache.lookup(ipv4(10, 0, 0, 1, 1, 0, OTHER)).map(NetAddress::time))
                    .hasValue(START - 100 - 1800);
            assertThat(cache.lookup(ipv4(10, 0, 0, 2, 1, 0, OTHER)).map(NetAddress::time))
                    .hasValue(START);
            assertThat(cache.lookup(ipv4(10, 0, 0, 3, 1, 0, OTHER)).map(NetAddress::time))
                    .hasValue(START - 3 * 3600 - 1800);
            assertThat(cache.lookup(ipv4(10, 0, 0, 4, 1, 0, OTHER)).map(NetAddress::time))
                    .hasValue(0L);
        }
    }

    @Test
    void addingTheSameAddressAgainChangesNothing() throws IOException {
        try (PeerCache cache = open()) {
            NetAddress a = peer(1, 9000);
            cache.add(a);
            NetAddress stored = cache.lookup(a).orElseThrow();
            NetAddress sameButNewer = ipv4(10, 0, 0, 1, 9000, START, uuid(0x77));
            assertThat(cache.add(sameButNewer)).isEqualTo(PeerCache.AddResult.REPEAT);
            assertThat(cache.lookup(a)).hasValue(stored);
        }
    }

    @Test
    void hearsayNeverDisplacesAnEntrySeenWithinThirtyMinutes() throws IOException {
        try (PeerCache cache = open()) {
            NetAddress a = peer(1, 9000);
            cache.refresh(a);
            NetAddress b = collidingWith(a, cache, START);
            now.advance(Duration.ofSeconds(1799));
            assertThat(cache.add(b)).isEqualTo(PeerCache.AddResult.KEPT_RECENT);
            assertThat(cache.addresses()).containsExactly(cache.lookup(a).orElseThrow());
        }
    }

    @Test
    void anOlderEntryIsDisplacedWhenTheCoinSaysSo() throws IOException {
        try (PeerCache cache = open(new ScriptedCoin(1, 0))) {
            NetAddress a = peer(1, 9000);
            cache.refresh(a);
            now.advance(Duration.ofMinutes(30));
            NetAddress b = collidingWith(a, cache, now.unixSeconds());
            assertThat(cache.add(b)).isEqualTo(PeerCache.AddResult.KEPT_BY_CHANCE);
            assertThat(cache.lookup(a)).isPresent();
            assertThat(cache.add(b)).isEqualTo(PeerCache.AddResult.STORED);
            assertThat(cache.lookup(a)).isEmpty();
            assertThat(cache.lookup(b).map(NetAddress::time)).hasValue(now.unixSeconds() - 1800);
        }
    }

    @Test
    void withARealCoinAboutHalfTheChallengesWin() throws IOException {
        try (PeerCache cache = open(new Random(20140707))) {
            NetAddress a = peer(1, 9000);
            cache.refresh(a);
            NetAddress b = collidingWith(a, cache, 0);
            int stored = 0;
            int trials = 400;
            for (int i = 0; i < trials; i++) {
                now.advance(Duration.ofHours(1));
                NetAddress challenger = cache.lookup(a).isPresent() ? b : a;
                NetAddress claim = new NetAddress(now.unixSeconds(), challenger.addr(), challenger.port(), 0, OTHER);
                if (cache.add(claim) == PeerCache.AddResult.STORED) {
                    stored++;
                }
            }
            assertThat(stored).isBetween(160, 240);
        }
    }

    @Test
    void refreshAlwaysTakesTheSlotWithTimeNow() throws IOException {
        try (PeerCache cache = open()) {
            NetAddress a = peer(1, 9000);
            cache.refresh(a);
            NetAddress b = collidingWith(a, cache, 5);
            now.advance(Duration.ofSeconds(10));
            cache.refresh(b);
            assertThat(cache.addresses())
                    .containsExactly(new NetAddress(START + 10, b.addr(), b.port(), b.unused(), b.uuid()));
        }
    }

    @Test
    void updateUuidOnlyTouchesTheSameAddress() throws IOException {
        try (PeerCache cache = open()) {
            NetAddress a = ipv4(10, 0, 0, 1, 9000, START - 100, NodeUuid.ZERO);
            cache.add(a);
            NodeUuid learned = uuid(0x42);
            assertThat(cache.updateUuid(ipv4(10, 0, 0, 1, 9001, 0, learned))).isFalse();
            assertThat(cache.updateUuid(ipv4(10, 0, 0, 1, 9000, 0, learned))).isTrue();
            NetAddress now = cache.lookup(a).orElseThrow();
            assertThat(now.uuid()).isEqualTo(learned);
            assertThat(now.time()).isEqualTo(START - 100 - 1800);
            assertThat(slotBytesOnDisk(cache.slotOf(a))).isEqualTo(encode(now));
        }
    }

    @Test
    void deleteInMemoryOnlyComesBackAtTheNextStart() throws IOException {
        NetAddress a = peer(1, 9000);
        NetAddress b = peer(2, 9000);
        try (PeerCache cache = open()) {
            cache.add(a);
            cache.add(b);
            assertThat(cache.delete(a, false)).isTrue();
            assertThat(cache.delete(b, true)).isTrue();
            assertThat(cache.delete(b, true)).isFalse();
            assertThat(cache.addresses()).isEmpty();
            assertThat(slotBytesOnDisk(cache.slotOf(b))).containsOnly(0);
        }
        try (PeerCache cache = open()) {
            assertThat(cache.lookup(a)).isPresent();
            assertThat(cache.lookup(b)).isEmpty();
        }
    }

    @Test
    void deleteOfADifferentAddressInTheSlotKeepsIt() throws IOException {
        try (PeerCache cache = open()) {
            NetAddress a = peer(1, 9000);
            cache.add(a);
            assertThat(cache.delete(collidingWith(a, cache, 0), true)).isFalse();
            assertThat(cache.lookup(a)).isPresent();
        }
    }

    @Test
    void ourOwnUuidIsNeverStoredAndAnyUuidCanBeDropped() throws IOException {
        try (PeerCache cache = open()) {
            assertThat(cache.add(ipv4(10, 0, 0, 1, 9000, START, SELF))).isEqualTo(PeerCache.AddResult.REFUSED);
            cache.refresh(ipv4(10, 0, 0, 1, 9000, START, SELF));
            assertThat(cache.addresses()).isEmpty();

            NodeUuid gone = uuid(0x66);
            NetAddress kept = peer(3, 9000);
            cache.add(ipv4(10, 0, 0, 1, 9000, START, gone));
            cache.add(ipv4(10, 0, 0, 2, 9000, START, gone));
            cache.add(kept);
            assertThat(cache.updateUuid(new NetAddress(0, kept.addr(), kept.port(), 0, SELF)))
                    .isFalse();
            assertThat(cache.removeUuid(gone)).isEqualTo(2);
            assertThat(cache.addresses()).extracting(NetAddress::uuid).containsExactly(OTHER);
        }
        try (PeerCache cache = open()) {
            assertThat(cache.addresses()).hasSize(1);
        }
    }

    @Test
    void anAllZeroAddressCannotEraseAnEntry() throws IOException {
        try (PeerCache cache = open()) {
            NetAddress zero = new NetAddress(START, PeerCache.EMPTY.addr(), 0, 0, OTHER);
            assertThat(cache.add(zero)).isEqualTo(PeerCache.AddResult.REFUSED);
            cache.refresh(zero);
            assertThat(cache.addresses()).isEmpty();
        }
    }

    @Test
    void iterationIsInSlotOrderAndSurvivesDeletion() throws IOException {
        try (PeerCache cache = open()) {
            for (int d = 1; d <= 20; d++) {
                cache.refresh(peer(d, 9000 + d));
            }
            List<Integer> slots = new ArrayList<>();
            for (NetAddress a : cache) {
                slots.add(cache.slotOf(a));
                cache.delete(a, true);
            }
            assertThat(slots).isSorted().doesNotHaveDuplicates().hasSize(20);
            assertThat(cache.size()).isZero();
        }
    }

    @Test
    void eachChangeIsWrittenToItsOwnSlotOnDisk() throws IOException {
        try (PeerCache cache = open()) {
            NetAddress a = peer(7, 9000);
            cache.refresh(a);
            int slot = cache.slotOf(a);
            NetAddress stored = cache.lookup(a).orElseThrow();
            assertThat(stored.time()).isEqualTo(START);
            assertThat(slotBytesOnDisk(slot)).isEqualTo(encode(stored));
            byte[] all = Files.readAllBytes(file());
            int off = (int) PeerCacheFile.slotOffset(slot);
            byte[] elsewhere = new byte[all.length - 8 - NetAddress.LENGTH];
            System.arraycopy(all, 8, elsewhere, 0, off - 8);
            System.arraycopy(all, off + NetAddress.LENGTH, elsewhere, off - 8, all.length - off - NetAddress.LENGTH);
            assertThat(elsewhere).containsOnly(0);
        }
    }

    @Test
    void aZeroSelfUuidIsRefused() {
        assertThatThrownBy(() -> PeerCache.open(file(), NodeUuid.ZERO, now::unixSeconds, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void useAfterCloseIsAnError() throws IOException {
        PeerCache cache = open();
        cache.close();
        assertThatThrownBy(() -> cache.add(peer(1, 1))).isInstanceOf(IllegalStateException.class);
    }
}
