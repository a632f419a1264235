/**
 * What tests share, in one place: deterministic keys and their addresses ({@link
 * org.pettycoin.testing.TestKeys}), the one bounded polling wait ({@link org.pettycoin.testing.Await}),
 * real nodes on 127.0.0.1 ({@link org.pettycoin.testing.TestNodes}), a node with its JSON-RPC server
 * ({@link org.pettycoin.testing.RpcTestNode}), and the command line run in-process ({@link
 * org.pettycoin.testing.CliRunner}) or as a process of its own ({@link
 * org.pettycoin.testing.NodeProcess}).
 *
 * <p>Only public API of the main code is used here, so any package's tests can use these. Fixtures
 * set things up and wait; they assert nothing about behaviour themselves, beyond failing with a
 * message that says what never happened.
 */
package org.pettycoin.testing;
