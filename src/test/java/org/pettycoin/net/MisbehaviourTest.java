package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.pettycoin.protocol.ErrorCode;

/** The table of faults: every one has a penalty, and every code a lower layer can throw names one. */
class MisbehaviourTest {
    @Test
    void everyFaultHasAPenalty() {
        for (Misbehaviour m : Misbehaviour.values()) {
            assertThat(m.penalty()).as(m.name()).isNotNull();
        }
    }

    @Test
    void everyCodeALowerLayerCanThrowNamesTheFaultThatAnswersWithIt() {
        EnumSet<ErrorCode> faults = EnumSet.allOf(ErrorCode.class);
        faults.remove(ErrorCode.NONE);
        faults.remove(ErrorCode.MAX);
        for (ErrorCode code : faults) {
            Misbehaviour m = Misbehaviour.of(code);
            assertThat(m.codes()).as(code + " -> " + m).contains(code);
        }
    }

    @Test
    void codesThatAreNoFaultNameNone() {
        assertThatThrownBy(() -> Misbehaviour.of(ErrorCode.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Misbehaviour.of(ErrorCode.MAX)).isInstanceOf(IllegalArgumentException.class);
    }

    /** As before the table: every ProtocolException cost the peer its node for the ban time. */
    @Test
    void everyFaultNamedByACodeIsABanExceptWrongGenesis() {
        for (Misbehaviour m : Misbehaviour.values()) {
            if (!m.codes().isEmpty() && m != Misbehaviour.WRONG_GENESIS) {
                assertThat(m.penalty()).as(m.name()).isEqualTo(Misbehaviour.Penalty.BAN);
            }
        }
        assertThat(Misbehaviour.MALFORMED_PACKET.penalty()).isEqualTo(Misbehaviour.Penalty.BAN);
    }

    @Test
    void faultsFoundHereAnswerWithTheCodeCDoes() {
        assertThat(Misbehaviour.UNKNOWN_COMMAND.err()).contains(ErrorCode.UNKNOWN_COMMAND);
        assertThat(Misbehaviour.WELCOME_VERSION.err()).contains(ErrorCode.HIGH_VERSION);
        assertThat(Misbehaviour.WELCOME_INTERESTS.err()).contains(ErrorCode.NO_INTEREST);
        assertThat(Misbehaviour.FILTER_INVALID.err()).contains(ErrorCode.FILTER_INVALID);
        assertThat(Misbehaviour.WRONG_GENESIS.err()).contains(ErrorCode.WRONG_GENESIS);
        for (Misbehaviour m : EnumSet.of(
                Misbehaviour.SELF_DIAL,
                Misbehaviour.DUPLICATE_UUID,
                Misbehaviour.BANNED,
                Misbehaviour.UNANSWERED_REQUEST,
                Misbehaviour.SYNC_STALLED,
                Misbehaviour.SENT_ERR)) {
            assertThat(m.err()).as(m.name()).isEmpty();
        }
    }

    @Test
    void tolerantFaultsSendNothing() {
        for (Misbehaviour m : Misbehaviour.values()) {
            if (m.penalty() instanceof Misbehaviour.Penalty.Tolerated) {
                assertThat(m.err()).as(m.name()).isEmpty();
            }
        }
    }

    @Test
    void aScoreAddsAtLeastOne() {
        assertThat(Misbehaviour.UNANSWERED_REQUEST.penalty()).isEqualTo(Misbehaviour.Penalty.score(1));
        assertThatThrownBy(() -> Misbehaviour.Penalty.score(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
