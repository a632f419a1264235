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
    Optional<ComplaintPacket> complaint = Optional.empty();
}
