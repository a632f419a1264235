package org.pettycoin.protocol;

import java.util.Objects;

/**
 * A packet together with its whole frame ({@code le32 len}, {@code le32 type}, body): either the
 * bytes it was decoded from, or its encoding made once. Lets one packet go to many peers, or to
 * the blockfile and then to peers, without encoding it again for each. The frame is shared, never
 * copied: nobody may change it.
 */
public final class EncodedPacket {
    private final Packet packet;
    private final byte[] frame;

    private EncodedPacket(Packet packet, byte[] frame) {
        this.packet = Objects.requireNonNull(packet);
        this.frame = Objects.requireNonNull(frame);
    }

    /** Encodes {@code packet} once. */
    public static EncodedPacket of(Packet packet) {
        return new EncodedPacket(packet, PacketCodec.encode(packet));
    }

    /**
     * A packet with the frame it was decoded from. The codec is byte-exact (a decoded packet
     * re-encodes to the bytes received), so this frame is what {@link #of} would give.
     */
    public static EncodedPacket decoded(Packet packet, byte[] frame) {
        return new EncodedPacket(packet, frame);
    }

    public Packet packet() {
        return packet;
    }

    /** The whole frame; shared, so never modify it. */
    public byte[] frame() {
        return frame;
    }

    @Override
    public String toString() {
        return packet.type().cName() + " (" + frame.length + " bytes)";
    }
}
