/**
 * What the node keeps on disk: the blockfile (the C node's format, append-only, replayed and
 * repaired at start-up), and later the peer cache, the data directory and its config file.
 *
 * <p>Rules: a record is written before the block it carries is announced; fsync is batched; a torn
 * or invalid tail is truncated and appending resumes exactly at the truncation point; nothing
 * before the last valid record is ever rewritten.
 */
package org.pettycoin.store;
