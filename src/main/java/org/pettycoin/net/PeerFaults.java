package org.pettycoin.net;

import java.util.Optional;
import org.pettycoin.protocol.ErrPacket;
import org.pettycoin.protocol.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a peer's faults cost it: the one place a {@link Misbehaviour}'s penalty is applied (node
 * thread only, called by {@link PeerNetwork} and {@link BlockSync}).
 */
final class PeerFaults implements BlockSync.Faults {
    // Logged as the peer protocol, where these lines have always come from.
    private static final Logger LOG = LoggerFactory.getLogger(PeerNetwork.class);

    private final Handshake handshake;
    private final int maxScore;

    PeerFaults(Handshake handshake, int maxScore) {
        this.handshake = handshake;
        this.maxScore = maxScore;
    }

    /** A fault found here: answered with its own code, if it has one. */
    @Override
    public void punish(Peer p, Misbehaviour fault, String detail) {
        punish(p, fault, fault.err(), detail);
    }

    /**
     * The one place a peer's fault costs it something, as its {@link Misbehaviour.Penalty} says:
     * tolerated (noted only), scored (disconnected past {@code maxScore}), disconnected, or
     * banned (its node refused for a while). {@code err} goes out first, if any, when it is hung up on.
     */
    void punish(Peer p, Misbehaviour fault, Optional<ErrorCode> err, String detail) {
        Misbehaviour.Penalty penalty = fault.penalty();
        String code = err.map(c -> " " + c.cName()).orElse("");
        if (penalty instanceof Misbehaviour.Penalty.Tolerated) {
            LOG.debug("{}: {} ({}), which an honest C node does; carrying on", p, fault, detail);
            return;
        }
        if (penalty instanceof Misbehaviour.Penalty.Score s) {
            p.score += s.points();
            if (p.score <= maxScore) {
                LOG.debug("{}: {} ({}), score {}", p, fault, detail, p.score);
                return;
            }
            LOG.warn("{}: {} ({}), score {} past {}; disconnecting", p, fault, detail, p.score, maxScore);
            p.connection.close();
            return;
        }
        if (penalty instanceof Misbehaviour.Penalty.Ban) {
            LOG.warn("{}: {}{} ({}); banning and disconnecting", p, fault, code, detail);
            handshake.ban(p);
        } else {
            LOG.info("{}: {}{} ({}); disconnecting", p, fault, code, detail);
        }
        err.ifPresentOrElse(c -> p.connection.sendAndClose(ErrPacket.of(c)), p.connection::close);
    }
}
