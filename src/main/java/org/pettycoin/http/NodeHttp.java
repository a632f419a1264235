package org.pettycoin.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.pettycoin.daemon.Node;

/** A node's HTTP endpoint with its routes: {@code /metrics} so far. Close it before the node. */
public final class NodeHttp {
    private NodeHttp() {}

    /**
     * Starts serving {@code node} on {@code bind}.
     *
     * @throws java.net.BindException if the address is in use
     */
    public static HttpEndpoint start(Node node, InetSocketAddress bind) throws IOException {
        NodeMetrics metrics = NodeMetrics.of(node);
        return HttpEndpoint.on(bind).get("/metrics", metrics::scrape).start();
    }
}
