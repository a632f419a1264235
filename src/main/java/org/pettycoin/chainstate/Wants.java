package org.pettycoin.chainstate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Position;

/** What handling one packet found it needs from peers, and the complaint it raised, if any. */
final class Wants {
    final Set<Hash256> txs = new LinkedHashSet<>();
    final List<Position> slots = new ArrayList<>();
    /** Shards we do not hold whose txs paying into ours to ask a peer for (GET_TXMAP). */
    final Set<BlockShard> txMaps = new LinkedHashSet<>();

    Optional<ComplaintPacket> complaint = Optional.empty();
}
