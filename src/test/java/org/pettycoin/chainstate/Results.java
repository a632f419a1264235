package org.pettycoin.chainstate;

import static org.assertj.core.api.Assertions.assertThat;

import org.pettycoin.protocol.ComplaintPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;

/** Reads a {@link ContentResult} of the kind a test expects, failing if it is another kind. */
final class Results {
    private Results() {}

    static ErrorCode refusal(ContentResult r) {
        assertThat(r).isInstanceOf(ContentResult.Refused.class);
        return ((ContentResult.Refused) r).error();
    }

    static ContentResult.Accepted accepted(ContentResult r) {
        assertThat(r).isInstanceOf(ContentResult.Accepted.class);
        return (ContentResult.Accepted) r;
    }

    static ComplaintPacket complaint(ContentResult r) {
        assertThat(r).isInstanceOf(ContentResult.Complained.class);
        return ((ContentResult.Complained) r).complaint();
    }

    static Hash256 wantedBlock(ContentResult r) {
        assertThat(r).isInstanceOf(ContentResult.UnknownBlock.class);
        return ((ContentResult.UnknownBlock) r).block();
    }
}
