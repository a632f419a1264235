package org.pettycoin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.protocol.ByteWriter;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.protocol.StructCodec;

class DataDirTest {
    @TempDir
    Path tmp;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static NetAddress localhost(int port, int uuidFill) {
        byte[] addr = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        byte[] uuid = new byte[NodeUuid.LENGTH];
        Arrays.fill(uuid, (byte) uuidFill);
        return new NetAddress(1_700_000_000L, Bytes.of(addr), port, 0, NodeUuid.of(uuid));
    }

    @Test
    void defaultIsDotPettycoinUnderHomeOrTheCurrentDirectory() {
        assertThat(DataDir.defaultPath(Map.of("HOME", "/home/alice"))).isEqualTo(Path.of("/home/alice/.pettycoin"));
        assertThat(DataDir.defaultPath(Map.of())).isEqualTo(Path.of("."));
        assertThat(DataDir.defaultPath(Map.of("HOME", ""))).isEqualTo(Path.of("."));
    }

    @Test
    void aMissingDirectoryIsCreatedOwnerOnly() throws IOException {
        Path p = tmp.resolve("node1");
        DataDir dir = DataDir.open(p);
        assertThat(p).isDirectory();
        assertThat(mode(p)).isEqualTo("rwx------");
        assertThat(dir.path()).isEqualTo(p);
    }

    @Test
    void anExistingDirectoryIsUsedAsItIs() throws IOException {
        Path p = Files.createDirectory(
                tmp.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
        DataDir.open(p);
        assertThat(mode(p)).isEqualTo("rwxr-x---");
    }

    @Test
    void aFileInTheWayOrAMissingParentIsAClearError() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertThatThrownBy(() -> DataDir.open(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exists but is not a directory");
        assertThatThrownBy(() -> DataDir.open(tmp.resolve("no/such/dir")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("its parent does not exist");
    }

    @Test
    void namesTheFilesInside() throws IOException {
        DataDir dir = DataDir.open(tmp);
        assertThat(dir.blockfile()).isEqualTo(tmp.resolve("blockfile"));
        assertThat(dir.peerCache()).isEqualTo(tmp.resolve("peer_cache"));
        assertThat(dir.config()).isEqualTo(tmp.resolve("config"));
        assertThat(dir.rpcSocket()).isEqualTo(tmp.resolve("pettycoin-rpc"));
        assertThat(dir.addresses()).isEqualTo(tmp.resolve("addresses"));
        assertThat(dir.resolve("/dev/tty")).isEqualTo(Path.of("/dev/tty"));
    }

    @Test
    void addressRecordsAreAppendedRawAndReadBack() throws IOException {
        DataDir dir = DataDir.open(tmp);
        NetAddress first = localhost(9001, 1);
        NetAddress second = localhost(9002, 2);
        dir.appendAddress(first);
        dir.appendAddress(second);
        assertThat(mode(dir.addresses())).isEqualTo("rw-------");
        ByteWriter expected = new ByteWriter();
        StructCodec.encodeNetAddress(first, expected);
        StructCodec.encodeNetAddress(second, expected);
        assertThat(Files.readAllBytes(dir.addresses())).isEqualTo(expected.toByteArray());
        assertThat(dir.readAddresses()).containsExactly(first, second);
    }

    @Test
    void theAddressesFileMustExistAndHoldWholeRecords() throws IOException {
        DataDir dir = DataDir.open(tmp);
        assertThatThrownBy(dir::readAddresses).isInstanceOf(IOException.class).hasMessageContaining("does not exist");
        Files.write(dir.addresses(), new byte[0]);
        assertThatThrownBy(dir::readAddresses).hasMessageContaining("holds 0 bytes");
        Files.write(dir.addresses(), new byte[41]);
        assertThatThrownBy(dir::readAddresses).hasMessageContaining("holds 41 bytes");
    }
}
