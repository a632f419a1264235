package org.pettycoin.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pettycoin.protocol.NetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pettycoin directory (C's pettycoin_dir.c, pettycoin.c): where the node and the tools find the blockfile, the peer
 * cache, the config file and the RPC socket. C {@code chdir}s into it; we resolve paths against it
 * instead, so several nodes can share one JVM.
 */
public final class DataDir {
    private static final Logger LOG = LoggerFactory.getLogger(DataDir.class);

    /** The default directory's name under {@code $HOME} (C's pettycoin_dir.c). */
    public static final String DEFAULT_NAME = ".pettycoin";
    /** The default {@code --rpc-file}, relative to the directory (C's pettycoin_dir.c). */
    public static final String RPC_FILE_NAME = "pettycoin-rpc";
    /** C creates a missing directory with mode 0700: it holds the chain and the RPC socket. */
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path dir;

    private DataDir(Path dir) {
        this.dir = dir;
    }

    /** {@code $HOME/.pettycoin}, or {@code .} when HOME is unset or empty, as C chooses. */
    public static Path defaultPath(Map<String, String> environment) {
        String home = environment.getOrDefault("HOME", "");
        return home.isEmpty() ? Path.of(".") : Path.of(home, DEFAULT_NAME);
    }

    /** The default for this process's environment. */
    public static Path defaultPath() {
        return defaultPath(System.getenv());
    }

    /**
     * The directory at {@code dir}, created with mode 0700 if missing. Only the last component is
     * created, as C's {@code mkdir} does: a mistyped parent is reported, not silently made.
     */
    public static DataDir open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            create(dir);
        }
        return new DataDir(dir);
    }

    private static void create(Path dir) throws IOException {
        if (Files.exists(dir)) {
            throw new IOException("pettycoin directory " + dir + " exists but is not a directory");
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(dir)) {
                return; // made by someone else meanwhile: theirs, and their mode
            }
            throw new IOException("pettycoin directory " + dir + " exists but is not a directory", e);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot create pettycoin directory " + dir + ": its parent does not exist", e);
        }
        // The umask may have taken bits away; we want exactly owner-only.
        Files.setPosixFilePermissions(dir, OWNER_ONLY);
        LOG.info("created pettycoin directory {}", dir);
    }

    public Path path() {
        return dir;
    }

    /** {@code name} inside the directory (an absolute {@code name}, e.g. {@code --rpc-file=/dev/tty}, stays). */
    public Path resolve(String name) {
        return dir.resolve(name);
    }

    public Path blockfile() {
        return resolve(Blockfile.FILE_NAME);
    }

    public Path peerCache() {
        return resolve(PeerCache.FILE_NAME);
    }

    public Path config() {
        return resolve(ConfigFile.FILE_NAME);
    }

    /** The default JSON-RPC socket; {@code --rpc-file} picks another through {@link #resolve}. */
    public Path rpcSocket() {
        return resolve(RPC_FILE_NAME);
    }

    public Path addresses() {
        return resolve(AddressesFile.FILE_NAME);
    }

    /** The developer-test seed list (see {@link AddressesFile#read}). */
    public List<NetAddress> readAddresses() throws IOException {
        return AddressesFile.read(addresses());
    }

    /** Adds our own record to the developer-test seed list. */
    public void appendAddress(NetAddress address) throws IOException {
        AddressesFile.append(addresses(), address);
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
