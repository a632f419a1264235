package org.pettycoin.net;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Interests;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.WelcomePacket;
import org.pettycoin.transport.Connection;

/**
 * The welcome exchange (C's peer.c welcome_received, welcome.c): the WELCOME we send,
 * {@code check_welcome}'s checks with C's errors, and who may not stay (ourselves, a node already
 * connected, a node banned for breaking the protocol). Part of the peer protocol; node thread only.
 */
final class Handshake {
    /** Why a welcome ends the connection: the fault, and what exactly was wrong, for the log. */
    record Refusal(Misbehaviour fault, String detail) {}

    /** What we call ourselves in WELCOME (C: "ICBINB! " + version); peers that use it are ours ({@link ComplaintAudience}). */
    static final String MONIKER = "ICBINB! pettycoin-java";

    private static final long PROTOCOL_VERSION = 1;
    /** Fewer interest bits than this and C refuses the welcome (NO_INTEREST, C's welcome.c check_welcome). */
    private static final int MIN_INTERESTS = 2;
    /** How long a node that broke the protocol is refused. */
    private static final long BAN_MILLIS = 10 * 60 * 1000L;
    /**
     * Most bans remembered at once; past it the oldest is forgotten early. A peer picks its uuid, so
     * a ban only holds off an honest node that keeps breaking the rules; a hostile one sends a new
     * uuid each time, and without a bound each of those would cost us an entry.
     */
    static final int MAX_BANNED = 16 * 1024;

    private final NodeUuid self;
    private final Interests interests;
    private final LongSupplier nowMillis;
    /** Each banned uuid and when its ban ends, oldest first: every ban is as long, so the first ends first. */
    private final LinkedHashMap<NodeUuid, Long> bannedUntil = new LinkedHashMap<>();

    private long bans;

    Handshake(NodeUuid self, Interests interests, LongSupplier nowMillis) {
        this.self = self;
        this.interests = interests;
        this.nowMillis = nowMillis;
    }

    /** Our WELCOME: our best known block unless that is genesis, and the shards we hold. */
    WelcomePacket ours(Connection c, BlockNode best, int listenPort) {
        Optional<Block> bestBlock = best.parent().isPresent() ? Optional.of(best.block()) : Optional.empty();
        NetAddress you = NetAddresses.of(c.remoteAddress(), NodeUuid.of(new byte[NodeUuid.LENGTH]), 0);
        return new WelcomePacket(
                PROTOCOL_VERSION,
                WelcomePacket.moniker(MONIKER),
                listenPort,
                self,
                you,
                interests.welcomeBitmap(),
                bestBlock);
    }

    /**
     * {@code check_welcome}, then the checks that close without an error.
     *
     * @return empty if {@code p} may stay, else why not: a fault C answers with ERR (UNKNOWN_COMMAND,
     *     HIGH_VERSION, NO_INTEREST), or one it closes on without a word
     */
    Optional<Refusal> check(Packet packet, Peer p, Collection<Peer> connected) {
        if (!(packet instanceof WelcomePacket w)) {
            return refuse(
                    Misbehaviour.UNKNOWN_COMMAND,
                    "expected WELCOME, got " + packet.type().cName());
        }
        if (w.version() != PROTOCOL_VERSION) {
            return refuse(Misbehaviour.WELCOME_VERSION, "version " + w.version());
        }
        if (w.interestCount() < MIN_INTERESTS) {
            return refuse(Misbehaviour.WELCOME_INTERESTS, w.interestCount() + " interests");
        }
        if (w.uuid().equals(self)) {
            return refuse(Misbehaviour.SELF_DIAL, "that is us");
        }
        if (isBanned(w.uuid())) {
            return refuse(Misbehaviour.BANNED, "banned for misbehaving");
        }
        for (Peer other : connected) {
            if (other != p && other.uuid().equals(Optional.of(w.uuid()))) {
                return refuse(Misbehaviour.DUPLICATE_UUID, "already connected to that node as " + other);
            }
        }
        return Optional.empty();
    }

    /** Peers banned since start (each ban, whether or not its node had said who it is). */
    long bans() {
        return bans;
    }

    private static Optional<Refusal> refuse(Misbehaviour fault, String detail) {
        return Optional.of(new Refusal(fault, detail));
    }

    /** {@code p} broke the protocol: its node is refused for a while. */
    void ban(Peer p) {
        bans++;
        p.uuid().ifPresent(this::ban);
    }

    /**
     * Refuses {@code uuid} for {@link #BAN_MILLIS}. Ended bans are dropped here, and past
     * {@link #MAX_BANNED} the oldest too, so what a stream of fresh uuids costs stays bounded.
     */
    void ban(NodeUuid uuid) {
        long now = nowMillis.getAsLong();
        bannedUntil.remove(uuid); // re-inserted at the end, in expiry order
        bannedUntil.put(uuid, now + BAN_MILLIS);
        Iterator<Map.Entry<NodeUuid, Long>> oldest = bannedUntil.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<NodeUuid, Long> e = oldest.next();
            if (e.getValue() > now && bannedUntil.size() <= MAX_BANNED) {
                break;
            }
            oldest.remove();
        }
    }

    boolean isBanned(NodeUuid uuid) {
        Long until = bannedUntil.get(uuid);
        return until != null && until > nowMillis.getAsLong();
    }

    /** Bans held now (ended ones are dropped at the next ban). */
    int bansHeld() {
        return bannedUntil.size();
    }
}
