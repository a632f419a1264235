package org.pettycoin.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.pettycoin.daemon.Node;
import org.pettycoin.mining.Miner;
import org.pettycoin.rpc.LogRing;

/**
 * A node's HTTP endpoint with its routes: the dashboard page at {@code /}, the JSON it reads at
 * {@code /api/dashboard} and as server-sent events at {@code /api/events} (once a second), and
 * the Prometheus metrics at {@code /metrics}. Close it before the node.
 */
public final class NodeHttp {
    /** How often a live page hears of the node. */
    static final long EVENT_PERIOD_MILLIS = 1_000;

    private static final String PAGE = "dashboard.html";

    private NodeHttp() {}

    /**
     * What the dashboard shows beyond the node itself: the name it goes by (a devnet's "node2"), the
     * miner working for it, and the log ring of its events.
     */
    public record Extras(String name, Optional<Miner> miner, Optional<LogRing> log) {
        /** Just a name: no miner, and the log ring of the calling thread's node if one is kept. */
        public static Extras named(String name) {
            return new Extras(name, Optional.empty(), LogRing.install());
        }
    }

    /**
     * Starts serving {@code node} on {@code bind}, named after its port.
     *
     * @throws java.net.BindException if the address is in use
     */
    public static HttpEndpoint start(Node node, InetSocketAddress bind) throws IOException {
        return start(node, bind, Extras.named("node on port " + node.port()));
    }

    /**
     * Starts serving {@code node} on {@code bind}.
     *
     * @throws java.net.BindException if the address is in use
     */
    public static HttpEndpoint start(Node node, InetSocketAddress bind, Extras extras) throws IOException {
        NodeMetrics metrics = NodeMetrics.of(node);
        DashboardReader dashboard = new DashboardReader(extras.name(), node, extras.miner(), extras.log());
        Reply page = new Reply(200, "text/html; charset=utf-8", page());
        return HttpEndpoint.on(bind)
                .get("/", () -> page)
                .get("/api/dashboard", () -> new Reply(200, "application/json", dashboard.readJson()))
                .stream("/api/events", new EventStream(dashboard::readJson, EVENT_PERIOD_MILLIS))
                .get("/metrics", metrics::scrape)
                .start();
    }

    private static byte[] page() {
        try (InputStream in = NodeHttp.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException(PAGE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
