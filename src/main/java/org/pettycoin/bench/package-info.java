/**
 * What the {@code pettycoin bench} commands measure with, kept out of the node's own packages:
 * prebuilt linear and forked regtest chains as blockfiles ({@code BenchChains}), nodes started on a
 * shared mock clock ({@code BenchNodes}), full blocks of deposits and payments ({@code FullBlocks},
 * {@code TxWorkload}), a TCP proxy that adds latency ({@code DelayProxy}), what a bench reads of a node
 * in another process over its RPC socket ({@code RpcProbe}), and how figures are printed
 * ({@code BenchReport}). Tests use them too.
 */
package org.pettycoin.bench;
