/**
 * What the node keeps on disk, all in the C node's formats: the blockfile (append-only, replayed and
 * repaired at start-up), the peer cache (also the one-daemon-per-directory lock), the data directory
 * with its config file, and the developer-test addresses file.
 *
 * <p>Rules: a record is written before the block it carries is announced; fsync is batched; a torn
 * or invalid tail is truncated and appending resumes exactly at the truncation point; nothing
 * before the last valid record is ever rewritten. The peer cache is exactly the C layout and slot
 * hash, so either node can reuse the other's; a cache that fails C's checks is rewritten empty
 * without letting go of its lock. Files are created owner-only (0600, the directory 0700).
 */
package org.pettycoin.store;
