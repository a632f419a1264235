package org.pettycoin.store;

import java.util.Optional;

/** What a blockfile replay does with each whole record. */
@FunctionalInterface
public interface RecordVisitor {
    /**
     * Looks at one record and says whether the replay may go on.
     *
     * @param frame the whole record: le32 len, le32 type, body
     * @param offset where it starts in the file
     * @return empty to accept it and go on, or why it is refused (which ends the replay there)
     */
    Optional<String> visit(byte[] frame, long offset);
}
