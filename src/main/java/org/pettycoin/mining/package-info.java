/**
 * Making blocks: templates, proof-of-work search, and the chain builder that tests and benchmarks use
 * to mine valid regtest chains (with transactions, forks and chosen timestamps) in seconds, feed them
 * to a node as peers would, and write them out as blockfiles; and a deterministic tx workload.
 */
package org.pettycoin.mining;
