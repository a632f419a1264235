package org.pettycoin.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pettycoin.protocol.ByteReader;
import org.pettycoin.protocol.ByteWriter;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.ProtocolException;
import org.pettycoin.protocol.StructCodec;

/**
 * The {@code --developer-test} file {@code addresses} (C's pettycoin.c writes it, peer.c
 * seed_peers reads it): raw 40-byte {@code protocol_net_address} records, one appended by each
 * local node at start-up and read whole as the seed list. Test networks share one file between
 * nodes through symlinks, so each record goes out in a single append-mode write, which the OS keeps
 * whole.
 */
public final class AddressesFile {
    /** Name of the file in the data directory. */
    public static final String FILE_NAME = "addresses";

    private AddressesFile() {}

    /** Every record; the file must exist and be a non-empty multiple of 40 bytes, as C requires. */
    public static List<NetAddress> read(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new IOException("developer-test mode reads its peers from " + path + ", which does not exist", e);
        }
        if (bytes.length == 0 || bytes.length % NetAddress.LENGTH != 0) {
            throw new IOException(path + " holds " + bytes.length + " bytes, not a non-empty multiple of "
                    + NetAddress.LENGTH + "-byte address records");
        }
        List<NetAddress> out = new ArrayList<>(bytes.length / NetAddress.LENGTH);
        ByteReader r = new ByteReader(bytes);
        try {
            while (r.hasRemaining()) {
                out.add(StructCodec.decodeNetAddress(r));
            }
        } catch (ProtocolException e) {
            throw new IllegalStateException("whole records cannot run short", e);
        }
        return List.copyOf(out);
    }

    /** Appends one record, creating the file (mode 0600) if needed. */
    public static void append(Path path, NetAddress address) throws IOException {
        ByteWriter w = new ByteWriter(NetAddress.LENGTH);
        StructCodec.encodeNetAddress(address, w);
        ByteBuffer buf = ByteBuffer.wrap(w.toByteArray());
        try (SeekableByteChannel ch = Files.newByteChannel(
                path,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                PosixFilePermissions.asFileAttribute(
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }
}
