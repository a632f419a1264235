package org.pettycoin.protocol;

/**
 * PKT_SET_FILTER (18): two le64s, {@code filter} and {@code offset}, kept as raw bits. C never
 * implemented filtering; receiving it means the peer has finished syncing with us. Whether the values
 * are acceptable ({@code filter != 0}, {@code offset <= 19}, else FILTER_INVALID) is for the receiver.
 */
public record SetFilterPacket(long filter, long offset) implements Packet {
    /** What C sends once it has finished syncing: every group, offset 0. */
    public static final SetFilterPacket SYNCED = new SetFilterPacket(-1L, 0);

    @Override
    public PacketType type() {
        return PacketType.SET_FILTER;
    }
}
