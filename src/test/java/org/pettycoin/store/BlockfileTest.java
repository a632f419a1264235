package org.pettycoin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.protocol.ByteWriter;
import org.pettycoin.protocol.Vectors;

class BlockfileTest {
    @TempDir
    Path dir;

    private static byte[] record(int type, int bodyLength, int fill) {
        ByteWriter w = new ByteWriter().u32(8 + bodyLength).u32(type);
        for (int i = 0; i < bodyLength; i++) {
            w.u8(fill + i);
        }
        return w.toByteArray();
    }

    private static List<byte[]> replayAll(Blockfile f) throws IOException {
        List<byte[]> seen = new ArrayList<>();
        f.replay((frame, offset) -> {
            seen.add(frame);
            return Optional.empty();
        });
        return seen;
    }

    @Test
    void newFileIsCreatedPrivateAndEmpty() throws IOException {
        Path p = dir.resolve(Blockfile.FILE_NAME);
        try (Blockfile f = Blockfile.open(p)) {
            ReplayResult r = f.replay((frame, offset) -> Optional.empty());
            assertThat(r.records()).isZero();
            assertThat(r.stoppedBecause()).isEmpty();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
                .isEqualTo("rw-------");
    }

    @Test
    void appendedRecordsReplayInOrder() throws IOException {
        Path p = dir.resolve("bf");
        try (Blockfile f = Blockfile.open(p)) {
            f.replay((frame, offset) -> Optional.empty());
            f.append(record(8, 100, 1));
            f.append(record(15, 300, 2));
        }
        try (Blockfile f = Blockfile.open(p)) {
            List<byte[]> seen = replayAll(f);
            assertThat(seen).hasSize(2);
            assertThat(seen.get(0)).isEqualTo(record(8, 100, 1));
            assertThat(seen.get(1)).isEqualTo(record(15, 300, 2));
            assertThat(f.appendPosition()).isEqualTo(108 + 308);
        }
    }

    /** kill -9 at any byte of the last records: the valid prefix survives and appending goes on right after it. */
    @Test
    void tornTailAtEveryOffsetIsCutAndAppendingResumesThere() throws IOException {
        List<byte[]> records = List.of(record(8, 40, 1), record(8, 50, 2), record(15, 30, 3));
        ByteWriter all = new ByteWriter();
        records.forEach(all::bytes);
        byte[] whole = all.toByteArray();
        int lastTwoStart = records.get(0).length;
        for (int cut = lastTwoStart; cut < whole.length; cut++) {
            Path p = dir.resolve("torn" + cut);
            Files.write(p, java.util.Arrays.copyOf(whole, cut));
            int complete = cut >= lastTwoStart + records.get(1).length ? 2 : 1;
            long validEnd = complete == 2 ? lastTwoStart + records.get(1).length : lastTwoStart;
            try (Blockfile f = Blockfile.open(p)) {
                ReplayResult r = replayAllResult(f);
                assertThat(r.records()).as("cut %d", cut).isEqualTo(complete);
                assertThat(r.validLength()).isEqualTo(validEnd);
                assertThat(r.stoppedBecause().isPresent()).isEqualTo(cut != validEnd);
                f.append(record(8, 20, 9));
            }
            assertThat(Files.size(p)).isEqualTo(validEnd + 28);
            try (Blockfile f = Blockfile.open(p)) {
                List<byte[]> seen = replayAll(f);
                assertThat(seen).hasSize(complete + 1);
                assertThat(seen.get(complete)).isEqualTo(record(8, 20, 9));
            }
        }
    }

    @Test
    void refusedRecordEndsTheReplayAndIsCutOff() throws IOException {
        Path p = dir.resolve("refused");
        ByteWriter w = new ByteWriter()
                .bytes(record(8, 10, 0))
                .bytes(record(99, 10, 0))
                .bytes(record(8, 10, 0));
        Files.write(p, w.toByteArray());
        try (Blockfile f = Blockfile.open(p)) {
            ReplayResult r = f.replay((frame, offset) ->
                    frame[4] == 99 ? Optional.of("type 99 is not a blockfile record") : Optional.empty());
            assertThat(r.records()).isEqualTo(1);
            assertThat(r.stoppedBecause())
                    .get()
                    .asString()
                    .contains("offset 18")
                    .contains("type 99");
            assertThat(r.discardedBytes()).isEqualTo(36);
        }
        assertThat(Files.size(p)).isEqualTo(18);
    }

    @Test
    void zeroLengthHoleFromTheCLseekBugEndsTheReplay() throws IOException {
        Path p = dir.resolve("hole");
        ByteWriter w =
                new ByteWriter().bytes(record(8, 10, 0)).bytes(new byte[64]).bytes(record(8, 10, 0));
        Files.write(p, w.toByteArray());
        try (Blockfile f = Blockfile.open(p)) {
            ReplayResult r = replayAllResult(f);
            assertThat(r.records()).isEqualTo(1);
            assertThat(r.stoppedBecause()).get().asString().contains("length 0");
        }
    }

    @Test
    void lyingLengthDoesNotAllocateOrCrash() throws IOException {
        Path p = dir.resolve("lie");
        Files.write(
                p,
                new ByteWriter().bytes(record(8, 10, 0)).u32(0x7fffffffL).u32(8).toByteArray());
        try (Blockfile f = Blockfile.open(p)) {
            ReplayResult r = replayAllResult(f);
            assertThat(r.records()).isEqualTo(1);
            assertThat(r.stoppedBecause()).get().asString().contains("outside");
        }
    }

    @Test
    void readOnlyReplayNeverModifiesTheFile() throws IOException {
        Path p = dir.resolve("ro");
        byte[] content = new ByteWriter().bytes(record(8, 10, 0)).u32(5).toByteArray();
        Files.write(p, content);
        try (Blockfile f = Blockfile.openReadOnly(p)) {
            assertThat(replayAllResult(f).discardedBytes()).isEqualTo(4);
        }
        assertThat(Files.readAllBytes(p)).isEqualTo(content);
    }

    @Test
    void theCNodesBlockfileReplaysWhole() throws IOException {
        Path vector = Vectors.dir().resolve("blockfile_A.bin");
        try (Blockfile f = Blockfile.openReadOnly(vector)) {
            List<byte[]> seen = replayAll(f);
            long blocks = seen.stream().filter(r -> r[4] == 8).count();
            long txs = seen.stream().filter(r -> r[4] == 15).count();
            assertThat(blocks).isEqualTo(190);
            assertThat(blocks + txs).isEqualTo(seen.size());
            assertThat(f.appendPosition()).isEqualTo(Files.size(vector));
        }
    }

    private static ReplayResult replayAllResult(Blockfile f) throws IOException {
        return f.replay((frame, offset) -> Optional.empty());
    }
}
