package org.pettycoin.net;

import java.util.Optional;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.consensus.TxShards;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.Tx;
import org.pettycoin.protocol.WelcomePacket;
import org.pettycoin.transport.Connection;

/**
 * What the node knows of one connected peer (C's peer.h struct peer): whether it has welcomed us, whether we
 * are still syncing from it (its welcome block not yet in our tree) and it from us (no SET_FILTER
 * yet), and how far it has behaved. Node thread only.
 */
final class Peer {
    final Connection connection;
    final long connectedMillis;
    private Optional<WelcomePacket> welcome = Optional.empty();
    /** The best block its welcome carried; empty if it is at genesis. */
    Optional<Hash256> welcomeBlock = Optional.empty();

    boolean weAreSyncing = true;
    boolean theyAreSyncing = true;
    /** When a block it sent us (or asked of it) last joined our tree: sync progress. */
    long lastProgressMillis;
    /** Misbehaviour short of a disconnect, e.g. requests left to time out. */
    int score;

    Peer(Connection connection, long nowMillis) {
        this.connection = connection;
        this.connectedMillis = nowMillis;
        this.lastProgressMillis = nowMillis;
    }

    boolean welcomed() {
        return welcome.isPresent();
    }

    void welcomed(WelcomePacket w) {
        welcome = Optional.of(w);
        welcomeBlock = w.bestBlock().map(BlockIds::id);
    }

    /** Which complaints and notices it can take: until it has welcomed us, only what a C node can. */
    ComplaintAudience audience() {
        return welcome.map(ComplaintAudience::of).orElse(ComplaintAudience.C_NODE);
    }

    /**
     * Sends {@code p} unless it is a complaint or notice this peer cannot take
     * ({@link ComplaintAudience#accepts}): what it would hang up on is better left unsaid.
     *
     * @return whether it was sent
     */
    boolean send(Packet p) {
        if (!audience().accepts(p)) {
            return false;
        }
        connection.send(p);
        return true;
    }

    /** The height of the block it welcomed us with (0 for genesis, or before its welcome). */
    long welcomeHeight() {
        return welcome.flatMap(WelcomePacket::bestBlock).map(b -> b.height()).orElse(0L);
    }

    Optional<NodeUuid> uuid() {
        return welcome.map(WelcomePacket::uuid);
    }

    /** Which implementation its WELCOME says it is ("" before the welcome). */
    String moniker() {
        return welcome.map(WelcomePacket::monikerText).orElse("");
    }

    int listenPort() {
        return welcome.map(WelcomePacket::listenPort).orElse(0);
    }

    /** Whether it wants txs of this 16-bit shard (everything, until it has told us). */
    boolean wantsShard(int shard) {
        return welcome.map(w -> w.wantsShard(shard)).orElse(true);
    }

    /** C's peer_wants.c peer_wants_tx or peer_wants_tx_other: its own shard, or the one a NORMAL tx pays into. */
    boolean wantsTx(Tx tx) {
        return wantsShard(TxShards.shardOf(tx, Protocol.MAX_SHARD_ORDER))
                || (tx instanceof NormalTx n && wantsShard(n.outputAddr().shard(Protocol.MAX_SHARD_ORDER)));
    }

    Bytes interests() {
        return welcome.map(WelcomePacket::interests).orElse(WelcomePacket.ALL_INTERESTS);
    }

    @Override
    public String toString() {
        return "peer " + connection.id() + " " + connection.remoteAddress();
    }
}
