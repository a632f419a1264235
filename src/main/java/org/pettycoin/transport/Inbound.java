package org.pettycoin.transport;

import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.ProtocolException;

/** What the frame decoder hands up the pipeline: one per whole frame, or the reason it stopped. */
sealed interface Inbound {
    /** A whole frame that decoded. */
    record Decoded(Packet packet) implements Inbound {}

    /** A whole BLOCK frame that decoded, kept with its bytes and id, made once here on the I/O thread. */
    record DecodedBlock(ReceivedBlock block) implements Inbound {}

    /** A whole frame that does not decode; the last thing read from the connection. */
    record Malformed(ProtocolException error) implements Inbound {}

    /** A length field outside 8..4 MiB: the connection must close without ERR (as C's packet_io.c). */
    record BadLength(ProtocolException error) implements Inbound {}
}
