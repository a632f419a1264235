package org.pettycoin.net;

import org.pettycoin.time.Progress;

/**
 * Where a sync from peers stands, as its progress lines tell it: our longest chain's height, the
 * highest block a peer we sync from welcomed us with, and the blocks gained since this sync began
 * with their rate and, the target being known, the share done and the time left.
 */
public record SyncStatus(long height, long targetHeight, Progress.Figures figures) {}
