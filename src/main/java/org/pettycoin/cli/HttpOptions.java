package org.pettycoin.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.pettycoin.daemon.Node;
import org.pettycoin.http.HttpEndpoint;
import org.pettycoin.http.NodeHttp;
import picocli.CommandLine.Option;

/**
 * {@code --http-port N} and {@code --http-bind ADDR}: the node's HTTP endpoint (dashboard and metrics),
 * off unless a port is given; loopback unless told otherwise, since what it shows is the operator's.
 */
final class HttpOptions {
    static final String DEFAULT_BIND = "127.0.0.1";

    @Option(
            names = "--http-port",
            paramLabel = "N",
            description = "serve HTTP on this port: the live dashboard at /, Prometheus metrics at /metrics; 0 lets "
                    + "the system choose "
                    + "(default: off)")
    private Integer port;

    @Option(
            names = "--http-bind",
            paramLabel = "ADDR",
            defaultValue = DEFAULT_BIND,
            description = "address the HTTP port listens on (default: ${DEFAULT-VALUE})")
    private String bind;

    /** Checks the options before the node starts: a bad port or address is a usage error. */
    Optional<InetSocketAddress> address() {
        if (port == null) {
            return Optional.empty();
        }
        if (port < 0 || port > 65535) {
            throw new UserError("--http-port must be 0..65535");
        }
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByName(bind), port));
        } catch (UnknownHostException e) {
            throw new UserError("--http-bind: cannot resolve '" + bind + "'");
        }
    }

    /** Starts the endpoint if asked for; a port in use is one line, not a stack trace. */
    static Optional<HttpEndpoint> start(Node node, Optional<InetSocketAddress> at, NodeHttp.Extras extras) {
        if (at.isEmpty()) {
            return Optional.empty();
        }
        InetSocketAddress a = at.get();
        try {
            return Optional.of(NodeHttp.start(node, a, extras));
        } catch (IOException e) {
            throw new UserError(
                    "cannot serve HTTP on " + a.getHostString() + ":" + a.getPort() + ": " + e.getMessage());
        }
    }
}
