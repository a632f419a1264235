/**
 * Making blocks: templates, proof-of-work search, and the chain builder that tests and benchmarks use
 * to mine valid regtest chains (with forks and chosen timestamps) in seconds and write them out as
 * blockfiles.
 */
package org.pettycoin.mining;
