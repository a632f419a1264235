/**
 * The node's HTTP endpoint ({@code pettycoin node --http-port}): one
 * {@link org.pettycoin.http.HttpEndpoint} owns the listener and its small thread pool and serves
 * GET handlers registered by exact path (anything else is 404, any other method 405);
 * {@link org.pettycoin.http.NodeHttp} puts a node's routes on it: the dashboard page at {@code /}
 * (one resource, {@code dashboard.html}, with no external assets), the JSON it reads
 * ({@link org.pettycoin.http.DashboardReader}) at {@code /api/dashboard} and pushed once a second as
 * server-sent events ({@link org.pettycoin.http.EventStream}) at {@code /api/events}, and
 * {@code /metrics}: {@link org.pettycoin.http.NodeMetrics}, the Prometheus text format written by
 * the Prometheus client library.
 *
 * <p>Handlers run on the endpoint's own threads and never touch node state there: what they show of
 * the chain and the peers is sampled in one {@code Node.call} (on the node thread, bounded in time),
 * and counters kept elsewhere (packets by type in {@code transport}, blockfile sync times) are read
 * or observed lock-free. Above {@code daemon} and {@code rpc}, below {@code cli}.
 */
package org.pettycoin.http;
