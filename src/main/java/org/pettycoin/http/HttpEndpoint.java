package org.pettycoin.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP listener of a node (the JDK's {@link HttpServer}) on a small pool of its own
 * threads: GET handlers by exact path, 404 for any other path, 405 (with {@code Allow: GET}) for
 * any other method on a known path. Build with {@link #on}, add routes, then {@link Builder#start}; close
 * it with the node.
 */
public final class HttpEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);
    /** Scrapes and page loads are few; two threads keep one slow answer from holding up the next. */
    static final int THREADS = 2;
    /**
     * How long a close waits for the handler threads. The listener itself stops at once: Java 17's
     * HttpServer.stop waits its whole delay even when idle, which a devnet of many nodes would feel.
     */
    private static final int STOP_SECONDS = 1;

    private final HttpServer server;
    private final ExecutorService pool;
    private final List<EventStream> streams;

    private HttpEndpoint(HttpServer server, ExecutorService pool, List<EventStream> streams) {
        this.server = server;
        this.pool = pool;
        this.streams = streams;
    }

    /** Routes for an endpoint that will listen on {@code bind}. */
    public static Builder on(InetSocketAddress bind) {
        return new Builder(bind);
    }

    /** Collects the routes, then binds. */
    public static final class Builder {
        private final InetSocketAddress bind;
        private final Map<String, GetHandler> routes = new LinkedHashMap<>();
        private final Map<String, EventStream> streams = new LinkedHashMap<>();

        private Builder(InetSocketAddress bind) {
            this.bind = bind;
        }

        /** Serves GET {@code path} (exact, starting with '/') with {@code handler}. */
        public Builder get(String path, GetHandler handler) {
            routes.put(unclaimed(path), handler);
            return this;
        }

        /** Serves GET {@code path} as {@code stream}'s server-sent events; the endpoint closes it. */
        Builder stream(String path, EventStream stream) {
            streams.put(unclaimed(path), stream);
            return this;
        }

        private String unclaimed(String path) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("a path starts with '/': " + path);
            }
            if (routes.containsKey(path) || streams.containsKey(path)) {
                throw new IllegalArgumentException("two handlers for " + path);
            }
            return path;
        }

        /**
         * Binds and starts serving.
         *
         * @throws java.net.BindException if the address is in use or cannot be bound
         */
        public HttpEndpoint start() throws IOException {
            HttpServer s;
            try {
                s = HttpServer.create(bind, 0);
            } catch (IOException e) {
                streams.values().forEach(EventStream::close);
                throw e;
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS, daemonThreads());
            Map<String, GetHandler> table = Map.copyOf(routes);
            Map<String, EventStream> live = Map.copyOf(streams);
            s.createContext("/", exchange -> serve(table, live, exchange));
            s.setExecutor(pool);
            s.start();
            HttpEndpoint e = new HttpEndpoint(s, pool, List.copyOf(live.values()));
            List<String> paths = new java.util.ArrayList<>(routes.keySet());
            paths.addAll(streams.keySet());
            LOG.info(
                    "HTTP on http://{}:{}/ serving {}",
                    e.address().getHostString(),
                    e.address().getPort(),
                    String.join(" ", paths));
            return e;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void serve(Map<String, GetHandler> routes, Map<String, EventStream> streams, HttpExchange exchange)
            throws IOException {
        String path = exchange.getRequestURI().getPath();
        EventStream stream = streams.get(path);
        if (stream != null && "GET".equals(exchange.getRequestMethod())) {
            stream.open(exchange); // it keeps the exchange open, on a thread of its own
            return;
        }
        try (exchange) {
            GetHandler h = routes.get(path);
            Reply r;
            if (h == null && stream == null) {
                r = Reply.text(404, "no such page: " + path);
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                r = Reply.text(405, exchange.getRequestMethod() + " not allowed; only GET");
            } else {
                r = answer(h, path);
            }
            send(exchange, r);
        }
    }

    private static Reply answer(GetHandler h, String path) {
        try {
            return h.get();
        } catch (IOException e) {
            return Reply.text(503, "node not answering: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("HTTP GET {}: {}", path, e.toString());
            return Reply.text(500, "internal error");
        }
    }

    private static void send(HttpExchange exchange, Reply r) throws IOException {
        byte[] body = r.body();
        exchange.getResponseHeaders().set("Content-Type", r.contentType());
        exchange.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Where it listens (the port the system chose, for port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops listening and ends the threads (a request in progress is cut off). */
    @Override
    public void close() {
        server.stop(0); // first: it closes every connection, so no stream's last write can wait on a stalled reader
        streams.forEach(EventStream::close);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
