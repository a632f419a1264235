package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pettycoin.chainstate.LogNode;
import org.pettycoin.daemon.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC server on the unix socket (C's jsonrpc.c setup_jsonrpc): refuses to start if another process
 * answers on the socket, else replaces a stale one, binds it with mode 0600, and serves each client
 * on its own thread (up to {@link #MAX_CLIENTS} at once), so neither a slow client nor many clients
 * hold up the node thread or each other. {@link #close} stops accepting, hangs up on every client
 * and removes the socket.
 */
public final class RpcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
    /** Clients served at once; more are told so and closed. C served any number on one thread. */
    public static final int MAX_CLIENTS = 128;
    /** {@code sizeof(sun_path)} on Linux is 108, including the terminating NUL. */
    static final int MAX_SOCKET_PATH_BYTES = 107;
    /** Owner read/write only, as C's umask 0177 gave (setup_jsonrpc): the socket runs the node. */
    private static final String SOCKET_MODE = "rw-------";

    private static final long CLOSE_WAIT_MILLIS = 2000;

    private final Path socket;
    private final ServerSocketChannel server;
    private final RpcCommands commands;
    private final Runnable shutdown;
    private final Semaphore slots = new Semaphore(MAX_CLIENTS);
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService sessions;
    private final Thread acceptor;
    private volatile boolean closed;

    private RpcServer(Path socket, ServerSocketChannel server, RpcCommands commands, Runnable shutdown) {
        this.socket = socket;
        this.server = server;
        this.commands = commands;
        this.shutdown = shutdown;
        AtomicInteger n = new AtomicInteger();
        this.sessions = Executors.newCachedThreadPool(r -> daemon(r, "rpc-client-" + n.incrementAndGet()));
        this.acceptor = daemon(this::acceptLoop, "rpc-accept");
    }

    /**
     * Serves {@code node} on the unix socket {@code socket} (normally {@code DataDir.rpcSocket()}).
     * Also attaches the in-memory log that getlog shows ({@link LogRing#install}): call it after
     * logging is configured, which replaces the root logger's appenders.
     *
     * @param shutdown run, on a thread of its own, once the reply to {@code stop} has been written:
     *     it should stop the node and close this server
     * @param generator what the generate command uses (regtest only); without one, generate is an error
     * @throws IOException if the socket is in use by another process, its path is too long, or it
     *     cannot be bound
     */
    public static RpcServer start(Path socket, Node node, Runnable shutdown, Optional<BlockGenerator> generator)
            throws IOException {
        int length = socket.toString().getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_SOCKET_PATH_BYTES) {
            throw new IOException("rpc socket path " + socket + " is " + length + " bytes long, more than the "
                    + MAX_SOCKET_PATH_BYTES + " a unix socket allows: use a shorter directory");
        }
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socket);
        removeStale(socket, address);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(address, MAX_CLIENTS);
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString(SOCKET_MODE));
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on rpc socket " + socket + ": " + e.getMessage(), e);
        }
        RpcServer s = new RpcServer(socket, server, new RpcCommands(node, generator, LogRing.install()), shutdown);
        s.acceptor.start();
        LOG.info("JSON-RPC on {}", socket);
        return s;
    }

    /** C's check: someone answering means another node owns the socket; otherwise it is stale. */
    private static void removeStale(Path socket, UnixDomainSocketAddress address) throws IOException {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(socket)) {
            throw new IOException("rpc socket " + socket + " is a directory");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(address);
            throw new IOException("rpc socket " + socket + " in use: is another node running on this directory?");
        } catch (SocketException stale) {
            Files.delete(socket);
        }
    }

    public Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("JSON-RPC accept failed: {}", e.toString());
                }
                return;
            }
            if (!slots.tryAcquire()) {
                refuse(c);
                continue;
            }
            clients.add(c);
            sessions.execute(() -> {
                try {
                    new RpcSession(c, commands, this::stopRequested).run();
                } finally {
                    clients.remove(c);
                    slots.release();
                }
            });
        }
    }

    private static void refuse(SocketChannel c) {
        try (c) {
            String line = CJsonFormat.failure(
                    "too many JSON-RPC clients: at most " + MAX_CLIENTS + " at once", NullNode.getInstance());
            c.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            LOG.debug("refusing a client: {}", e.toString());
        }
    }

    private void stopRequested() {
        LOG.warn("JSON-RPC shutdown");
        daemon(shutdown, "rpc-stop").start();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("closing the rpc socket: {}", e.toString());
        }
        for (SocketChannel c : clients) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing a client: {}", e.toString());
            }
        }
        sessions.shutdownNow();
        try {
            acceptor.join(CLOSE_WAIT_MILLIS);
            sessions.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("removing {}: {}", socket, e.toString());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(LogNode.inherit(r), name);
        t.setDaemon(true);
        return t;
    }
}
