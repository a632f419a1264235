package org.pettycoin.protocol;

import java.util.OptionalLong;

/**
 * PKT_ERR (1): why the sender is hanging up. A well-formed one carries exactly a le32 ecode, but the
 * C node logs and closes on an ERR of any length, so the body is kept as received; an ecode this
 * node does not know stays a plain number so it can still be logged.
 */
public record ErrPacket(Bytes body) implements Packet {
    /** Body of a well-formed ERR: le32 error. */
    public static final int ERROR_LENGTH = 4;

    public static ErrPacket of(ErrorCode code) {
        return of(code.code());
    }

    public static ErrPacket of(long error) {
        Unsigned.requireU32(error, "error");
        return new ErrPacket(Bytes.of(new ByteWriter(ERROR_LENGTH).u32(error).toByteArray()));
    }

    /** The le32 ecode, if the body is exactly that. */
    public OptionalLong error() {
        return body.size() == ERROR_LENGTH
                ? OptionalLong.of(ByteReader.le32(body.toByteArray(), 0))
                : OptionalLong.empty();
    }

    @Override
    public PacketType type() {
        return PacketType.ERR;
    }
}
