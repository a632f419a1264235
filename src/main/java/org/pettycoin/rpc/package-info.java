/**
 * The node's JSON-RPC interface (C's jsonrpc.c and its json_command table): a unix socket in the
 * data directory, mode 0600, carrying a stream of JSON requests answered in order, one line of
 * C-formatted JSON each, with the C node's command names, parameters, result fields and error texts,
 * plus {@code generate} and
 * {@code setmocktime} for regtest.
 *
 * <p>Rules this package enforces: every command reads or changes chain state only inside
 * {@code Node.call}, so the node thread stays the one owner of state and never waits on a client;
 * each client has its own thread, so a slow or stuck client delays nobody else; a bad request gets
 * an error response a person can read and the connection and the node carry on. Requests are read
 * in the language of C's parser (jsmn, non-strict: bare words such as the unquoted tx hex of the C
 * dumbwallet are tokens, {@code :} and {@code ,} are optional) by {@code JsmnReader}; input that
 * parser refuses, or a request over the size, nesting or token bounds, gets one error response and
 * the connection is closed, since the stream cannot be resynchronised.
 */
package org.pettycoin.rpc;
