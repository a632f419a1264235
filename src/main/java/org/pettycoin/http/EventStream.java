package org.pettycoin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server-sent event stream ({@code text/event-stream}) of one source's JSON: while anyone
 * listens, one sampler thread reads the source once per period, and each listener has a thread of
 * its own that writes the newest event it has not sent yet. A slow listener skips events rather
 * than queueing them, and holds up nobody else; at most {@link #MAX_LISTENERS} listen at once (the
 * next is told 503). A source that fails (the node not answering) sends an {@code unavailable}
 * event, so the page can say so, and the stream goes on.
 */
final class EventStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Dashboards open at once; each holds a thread. */
    static final int MAX_LISTENERS = 8;
    /** With nothing new, a comment line this often keeps proxies and the browser from giving up. */
    private static final long KEEPALIVE_MILLIS = 15_000;

    /** Reads one event's data: a JSON object on one line. */
    @FunctionalInterface
    interface Source {
        byte[] read() throws IOException;
    }

    /** One event: its name, its data, and its place in the sequence. */
    private record Event(long version, String name, String data) {}

    private final Source source;
    private final ScheduledExecutorService sampler;
    private final ExecutorService writers;
    private final ScheduledFuture<?> sampling;
    private final Semaphore slots = new Semaphore(MAX_LISTENERS);
    private final Set<HttpExchange> open = ConcurrentHashMap.newKeySet();
    private Optional<Event> latest = Optional.empty();
    private long versions;
    private boolean closed;

    /** Starts sampling {@code source} every {@code periodMillis} (only while someone listens). */
    EventStream(Source source, long periodMillis) {
        this.source = source;
        this.sampler = Executors.newSingleThreadScheduledExecutor(daemon("http-events"));
        this.writers = Executors.newFixedThreadPool(MAX_LISTENERS, daemon("http-listener"));
        this.sampling = sampler.scheduleAtFixedRate(this::sample, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Takes over {@code exchange} (a GET of the stream's path): answers 200 and streams on a thread
     * of its own until the listener goes away or this closes; or answers 503 if too many listen.
     * Returns at once.
     */
    void open(HttpExchange exchange) throws IOException {
        if (!slots.tryAcquire()) {
            try (exchange) {
                byte[] body = "too many live views; close one\n".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(503, body.length);
                exchange.getResponseBody().write(body);
            }
            return;
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            open.add(exchange);
            writers.execute(() -> listen(exchange));
        } catch (IOException | RejectedExecutionException e) {
            open.remove(exchange);
            slots.release();
            exchange.close();
        }
    }

    private void listen(HttpExchange exchange) {
        try (exchange) {
            OutputStream out = exchange.getResponseBody();
            out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            long sent = -1;
            while (true) {
                Optional<Event> e = newerThan(sent);
                if (isClosed()) {
                    return;
                }
                if (e.isEmpty()) {
                    out.write(":\n\n".getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(("event: " + e.get().name() + "\ndata: ").getBytes(StandardCharsets.UTF_8));
                    out.write(e.get().data().getBytes(StandardCharsets.UTF_8));
                    out.write("\n\n".getBytes(StandardCharsets.UTF_8));
                    sent = e.get().version();
                }
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("a live view went away: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(exchange);
            slots.release();
        }
    }

    /** The newest event after {@code version}, waiting up to the keepalive; empty if none came (or closing). */
    private synchronized Optional<Event> newerThan(long version) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KEEPALIVE_MILLIS);
        while (!closed && (latest.isEmpty() || latest.get().version() <= version)) {
            long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
            if (left <= 0) {
                return Optional.empty();
            }
            wait(left);
        }
        return closed ? Optional.empty() : latest;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private void sample() {
        if (open.isEmpty()) {
            return;
        }
        Event e;
        try {
            e = new Event(0, "state", new String(source.read(), StandardCharsets.UTF_8));
        } catch (IOException ex) {
            e = new Event(0, "unavailable", json("node not answering: " + ex.getMessage()));
        } catch (RuntimeException ex) {
            LOG.warn("live view: {}", ex.toString());
            e = new Event(0, "unavailable", json("internal error"));
        }
        synchronized (this) {
            latest = Optional.of(new Event(++versions, e.name(), e.data()));
            notifyAll();
        }
    }

    private static String json(String error) {
        try {
            return JSON.writeValueAsString(JSON.createObjectNode().put("error", error));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many listen now. */
    int listeners() {
        return open.size();
    }

    /** Ends every stream (their connections are closed) and the threads. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        sampling.cancel(true);
        sampler.shutdownNow();
        open.forEach(HttpExchange::close);
        writers.shutdownNow();
    }
}
